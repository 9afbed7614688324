#ifndef CC_TEST_HELPERS_H
#define CC_TEST_HELPERS_H
#endif
