#ifndef CWMLINTYAML_SHIM_H
#define CWMLINTYAML_SHIM_H
#include <yaml.h>
/* Extended attributes (kept by --fix), which the C library module does not export. */
#if defined(__linux__)
#include <sys/xattr.h>
#endif
#endif
