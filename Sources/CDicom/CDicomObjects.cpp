// DCMTK behind the CDicomObjects_ C interface: attribute sets and the helpers the SEG
// (CDicomObjectsSegmentation.cpp) and SR (CDicomObjectsReport.cpp) writers share. Nothing here
// reads the clock into an output: DCMTK generates UIDs and dates while building objects, and
// the caller's `common` attributes replace them before the file is written.

#include "CDicomObjectsSupport.h"

#include <cstdio>
#include <cstdlib>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpath.h>
#include "CDicomInternal.hpp"

namespace cdicomobjects {

int fail(char *error, size_t errorSize, const char *what, const OFCondition &condition) {
  if (error != nullptr && errorSize > 0) {
    std::snprintf(error, errorSize, "%s: %s", what, condition.text());
  }
  return 1;
}

int failText(char *error, size_t errorSize, const char *what) {
  if (error != nullptr && errorSize > 0) {
    std::snprintf(error, errorSize, "%s", what);
  }
  return 1;
}

void silenceLogging() { CDicom_RouteLogging(); }

OFCondition overlay(const DcmDataset &common, DcmItem &target) {
  DcmDataset &source = const_cast<DcmDataset &>(common);
  for (unsigned long i = 0; i < source.card(); i++) {
    DcmElement *element = source.getElement(i);
    DcmElement *copy = OFstatic_cast(DcmElement *, element->clone());
    OFCondition status = target.insert(copy, OFTrue);
    if (status.bad()) {
      delete copy;
      return status;
    }
  }
  return EC_Normal;
}

int saveDataset(DcmDataset &dataset, const char *path, char *error, size_t errorSize) {
  DcmFileFormat file(&dataset);
  OFCondition status = file.saveFile(path, EXS_LittleEndianExplicit);
  if (status.bad()) return fail(error, errorSize, "cannot write the DICOM file", status);
  return 0;
}

}  // namespace cdicomobjects

using namespace cdicomobjects;

namespace {

// Puts a value of any VR given as text (numbers parsed), replacing an existing element.
int putValue(DcmItem &item, const DcmTag &tag, const char *value, char *error,
             size_t errorSize) {
  DcmElement *element = DcmItem::newDicomElement(tag);
  OFCondition status = element == nullptr ? EC_IllegalCall : element->putString(value);
  if (status.good()) status = item.insert(element, OFTrue);
  if (status.bad()) {
    delete element;
    char what[64];
    std::snprintf(what, sizeof what, "cannot set attribute (%04X,%04X)", tag.getGroup(),
                  tag.getElement());
    return fail(error, errorSize, what, status);
  }
  return 0;
}

}  // namespace

// MARK: Attribute sets

CDicomObjects_Attributes *CDicomObjects_AttributesCreate(void) {
  silenceLogging();
  return new CDicomObjects_Attributes();
}

void CDicomObjects_AttributesFree(CDicomObjects_Attributes *attributes) { delete attributes; }

int CDicomObjects_AttributesPutString(CDicomObjects_Attributes *attributes, uint16_t group,
                                      uint16_t element, const char *value, char *error,
                                      size_t errorSize) {
  return putValue(attributes->dataset, DcmTag(group, element), value, error, errorSize);
}

int CDicomObjects_AttributesPutBytes(CDicomObjects_Attributes *attributes, uint16_t group,
                                     uint16_t element, const uint8_t *bytes, size_t count,
                                     char *error, size_t errorSize) {
  OFCondition status = attributes->dataset.putAndInsertUint8Array(
      DcmTag(group, element, EVR_OB), bytes, OFstatic_cast(unsigned long, count), OFTrue);
  if (status.bad()) return fail(error, errorSize, "cannot set binary attribute", status);
  return 0;
}

int CDicomObjects_AttributesPutItemString(CDicomObjects_Attributes *attributes,
                                          uint16_t sequenceGroup, uint16_t sequenceElement,
                                          long itemIndex, uint16_t group, uint16_t element,
                                          const char *value, char *error, size_t errorSize) {
  DcmTag sequenceTag(sequenceGroup, sequenceElement);
  if (itemIndex < 0) {
    OFCondition status = attributes->dataset.insertEmptyElement(sequenceTag, OFTrue);
    if (status.bad()) return fail(error, errorSize, "cannot create sequence", status);
    return 0;
  }
  DcmItem *item = nullptr;
  OFCondition status = attributes->dataset.findOrCreateSequenceItem(sequenceTag, item, itemIndex);
  if (status.bad() || item == nullptr) return fail(error, errorSize, "cannot create item", status);
  return putValue(*item, DcmTag(group, element), value, error, errorSize);
}

int CDicomObjects_AttributesPutPath(CDicomObjects_Attributes *attributes, const char *path,
                                    const char *value, char *error, size_t errorSize) {
  OFString key(path);
  key += "=";
  key += value;
  DcmPathProcessor processor;
  OFCondition status = processor.applyPathWithValue(&attributes->dataset, key);
  if (status.bad()) return fail(error, errorSize, "cannot set nested attribute", status);
  return 0;
}

int CDicomObjects_AttributesWriteFile(const CDicomObjects_Attributes *attributes,
                                      const char *path, char *error, size_t errorSize) {
  DcmDataset copy(attributes->dataset);
  return saveDataset(copy, path, error, errorSize);
}
