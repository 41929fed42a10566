#ifndef CNRRD_SHIM_H
#define CNRRD_SHIM_H
#include <teem/nrrd.h>
#endif
