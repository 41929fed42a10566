// Library versions for provenance records; both come from the libraries' own headers.
#include "CDicomVersion.h"

#include <dcmtk/config/osconfig.h>
#include <gdcm-3.0/gdcmConfigure.h>

const char *CDicomVersion_dcmtk(void) { return PACKAGE_VERSION; }

const char *CDicomVersion_gdcm(void) { return GDCM_VERSION; }
