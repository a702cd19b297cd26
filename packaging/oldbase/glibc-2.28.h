/* Force-included (gcc -include) into every C file of the old-base CPython build, so libpython and
 * its extension modules link only glibc symbol versions that exist in glibc 2.28 (UOS 20).
 *
 * glibc 2.29 added new default versions of exp, exp2, log, log2 and pow (faster code, no SVID
 * error wrapper); a program compiled against glibc >= 2.29 headers binds to exp@GLIBC_2.29 and the
 * like, which glibc 2.28 lacks. The GLIBC_2.2.5 versions are still exported by every later glibc and
 * compute the same results (errno/fenv behaviour per C99 in both), so bind to them explicitly.
 * The other symbol above 2.28 that CPython 3.11 uses, sem_clockwait (2.30), is optional and is
 * switched off at configure time (ac_cv_func_sem_clockwait=no: sem_timedwait is used instead).
 * packaging/check-glibc.sh --max 2.28 verifies the result. */
#if defined(__x86_64__) && !defined(__ASSEMBLER__)
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
#endif
