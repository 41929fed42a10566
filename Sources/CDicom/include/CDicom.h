#ifndef CDICOM_H
#define CDICOM_H
// Umbrella header of the CDicom shim (SwiftPM uses include/CDicom.h as the module's umbrella).
#include "CDicomVersion.h"
#include "CDicomObjects.h"
#endif
