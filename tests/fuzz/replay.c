/*
 * replay.c: runs a fuzz target once on each file named on the command line
 * (a libFuzzer-compatible driver for builds without libFuzzer).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int main(int argc, char **argv)
{
    int i;
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        unsigned char *buf = NULL;
        size_t n = 0, cap = 0, r;
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        do {
            if (n == cap) {
                unsigned char *p = realloc(buf, cap = cap ? 2 * cap : 65536);
                if (!p)
                    abort();
                buf = p;
            }
            r = fread(buf + n, 1, cap - n, f);
            n += r;
        } while (r > 0);
        fclose(f);
        LLVMFuzzerTestOneInput(buf, n);
        free(buf);
    }
    printf("replayed %d input(s)\n", argc - 1);
    return 0;
}
