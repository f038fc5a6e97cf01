E2E_TESTS += tests/e2e/basic.sh
