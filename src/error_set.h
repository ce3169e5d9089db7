/*
 * Filling a caller's instcite_error: the one place that does it, for every
 * module's own error helper (which picks the offset and line it knows).
 * Private to the library.
 */
#ifndef INSTCITE_ERROR_SET_H
#define INSTCITE_ERROR_SET_H

#include "instcite.h"

#include <stdarg.h>

/* Sets err's code, input offset (-1: none), line (0: none) and message from
 * fmt, when err is not NULL; returns code. */
instcite_status error_vset(instcite_error *err, instcite_status code, long long offset, long line,
                           const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

#endif
