// Shared internals of the CDicomObjects shim (not part of the module's public headers).

#ifndef CDICOM_OBJECTS_SUPPORT_H
#define CDICOM_OBJECTS_SUPPORT_H

#include "CDicomObjects.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>

struct CDicomObjects_Attributes {
  DcmDataset dataset;
};

namespace cdicomobjects {

/// Room for one decimal string (DS/IS values are at most 16 characters).
const size_t kDecimalStringLength = 32;

/// Writes "what: DCMTK's reason" into `error` and returns 1.
int fail(char *error, size_t errorSize, const char *what, const OFCondition &condition);

/// Writes `what` into `error` and returns 1.
int failText(char *error, size_t errorSize, const char *what);

/// Keeps DCMTK's own logger quiet (set CTCASE_DCMTK_LOG to see its messages when debugging).
void silenceLogging();

/// Copies every top-level element of `common` into `target`, replacing what is there.
OFCondition overlay(const DcmDataset &common, DcmItem &target);

/// Saves `dataset` as a Part 10 file in Explicit VR Little Endian.
int saveDataset(DcmDataset &dataset, const char *path, char *error, size_t errorSize);

}  // namespace cdicomobjects

#endif
