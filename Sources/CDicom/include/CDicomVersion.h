#ifndef CDICOM_VERSION_H
#define CDICOM_VERSION_H
#ifdef __cplusplus
extern "C" {
#endif

/// The DCMTK version the shim was built against, e.g. "3.6.7" (static storage).
const char *CDicomVersion_dcmtk(void);

/// The GDCM version the shim was built against, e.g. "3.0.21" (static storage).
const char *CDicomVersion_gdcm(void);

#ifdef __cplusplus
}
#endif
#endif
