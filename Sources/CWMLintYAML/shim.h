#ifndef CWMLINTYAML_SHIM_H
#define CWMLINTYAML_SHIM_H
#include <yaml.h>
#endif
