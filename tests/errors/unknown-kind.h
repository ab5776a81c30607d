__attribute__((annotate("ccw:bogus"))) int f(void);
// expect: unknown-kind.h:1:16: error: unknown annotation kind 'bogus'
