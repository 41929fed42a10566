// The binary Segmentation writer (dcmseg) behind the CDicomObjects_Segmentation functions.

#include "CDicomObjectsSupport.h"

#include <cstdio>
#include <memory>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>

using namespace cdicomobjects;

struct CDicomObjects_Segmentation {
  DcmSegmentation *segmentation = nullptr;
  ~CDicomObjects_Segmentation() { delete segmentation; }
};

namespace {

CodeSequenceMacro codeMacro(const CDicomObjects_Code &code) {
  return CodeSequenceMacro(code.value, code.scheme, code.meaning);
}

// Replaces every Dimension Organization UID (DCMTK makes random ones) with the given UID.
void replaceDimensionUIDs(DcmItem &dataset, const char *uid) {
  const DcmTagKey sequences[] = {DCM_DimensionOrganizationSequence, DCM_DimensionIndexSequence};
  for (const DcmTagKey &key : sequences) {
    DcmSequenceOfItems *sequence = nullptr;
    if (dataset.findAndGetSequence(key, sequence).bad() || sequence == nullptr) continue;
    for (unsigned long i = 0; i < sequence->card(); i++) {
      sequence->getItem(i)->putAndInsertString(DCM_DimensionOrganizationUID, uid);
    }
  }
}

}  // namespace

// MARK: Segmentation

CDicomObjects_Segmentation *CDicomObjects_SegmentationCreate(
    uint16_t rows, uint16_t columns, const char *manufacturer, const char *modelName,
    const char *softwareVersion, const char *contentLabel, const char *contentDescription,
    char *error, size_t errorSize) {
  silenceLogging();
  IODGeneralEquipmentModule::EquipmentInfo equipment(manufacturer, modelName, "1",
                                                     softwareVersion);
  ContentIdentificationMacro content("1", contentLabel, contentDescription, manufacturer);
  DcmSegmentation *segmentation = nullptr;
  OFCondition status =
      DcmSegmentation::createBinarySegmentation(segmentation, rows, columns, equipment, content);
  if (status.bad() || segmentation == nullptr) {
    fail(error, errorSize, "cannot create segmentation", status);
    return nullptr;
  }
  CDicomObjects_Segmentation *handle = new CDicomObjects_Segmentation();
  handle->segmentation = segmentation;
  return handle;
}

void CDicomObjects_SegmentationFree(CDicomObjects_Segmentation *segmentation) {
  delete segmentation;
}

int CDicomObjects_SegmentationSetGeometry(CDicomObjects_Segmentation *segmentation,
                                          double rowSpacingMM, double columnSpacingMM,
                                          double sliceThicknessMM, double sliceSpacingMM,
                                          const double *orientation6,
                                          char *error, size_t errorSize) {
  char text[6][kDecimalStringLength];
  for (int i = 0; i < 6; i++) std::snprintf(text[i], kDecimalStringLength, "%.6f", orientation6[i]);
  std::unique_ptr<FGPlaneOrientationPatient> orientation(FGPlaneOrientationPatient::createMinimal(
      text[0], text[1], text[2], text[3], text[4], text[5]));
  if (!orientation) return failText(error, errorSize, "cannot create plane orientation");
  OFCondition status = segmentation->segmentation->addForAllFrames(*orientation);
  if (status.bad()) return fail(error, errorSize, "cannot set plane orientation", status);

  char spacing[2 * kDecimalStringLength + 2];
  std::snprintf(spacing, sizeof spacing, "%.6f\\%.6f", rowSpacingMM, columnSpacingMM);
  char thickness[kDecimalStringLength];
  std::snprintf(thickness, sizeof thickness, "%.6f", sliceThicknessMM);
  char between[kDecimalStringLength];
  std::snprintf(between, sizeof between, "%.6f", sliceSpacingMM);
  FGPixelMeasures measures;
  status = measures.setPixelSpacing(spacing);
  if (status.good()) status = measures.setSliceThickness(thickness);
  if (status.good()) status = measures.setSpacingBetweenSlices(between);
  if (status.good()) status = segmentation->segmentation->addForAllFrames(measures);
  if (status.bad()) return fail(error, errorSize, "cannot set pixel measures", status);
  return 0;
}

int CDicomObjects_SegmentationAddSegment(CDicomObjects_Segmentation *segmentation,
                                         const char *label, CDicomObjects_Code category,
                                         CDicomObjects_Code type,
                                         const CDicomObjects_Code *modifier,
                                         const char *trackingID, const char *trackingUID,
                                         uint16_t *segmentNumber, char *error,
                                         size_t errorSize) {
  DcmSegment *segment = nullptr;
  OFCondition status = DcmSegment::create(segment, label, codeMacro(category), codeMacro(type),
                                          DcmSegTypes::SAT_AUTOMATIC, "ctcase");
  if (status.bad() || segment == nullptr) {
    return fail(error, errorSize, "cannot create segment", status);
  }
  if (modifier != nullptr) {
    segment->getSegmentedPropertyTypeModifierCode().push_back(
        new CodeSequenceMacro(codeMacro(*modifier)));
  }
  status = segment->setTrackingID(trackingID);
  if (status.good()) status = segment->setTrackingUID(trackingUID);
  if (status.good()) status = segmentation->segmentation->addSegment(segment, *segmentNumber);
  if (status.bad()) {
    delete segment;
    return fail(error, errorSize, "cannot add segment", status);
  }
  return 0;
}

int CDicomObjects_SegmentationAddFrame(CDicomObjects_Segmentation *segmentation,
                                       uint16_t segmentNumber, const uint8_t *mask,
                                       const double *position3, uint32_t stackPosition,
                                       const char *sourceSOPClassUID,
                                       const char *sourceSOPInstanceUID, char *error,
                                       size_t errorSize) {
  char text[3][kDecimalStringLength];
  for (int i = 0; i < 3; i++) std::snprintf(text[i], kDecimalStringLength, "%.6f", position3[i]);
  std::unique_ptr<FGPlanePosPatient> position(
      FGPlanePosPatient::createMinimal(text[0], text[1], text[2]));

  FGFrameContent content;
  content.setStackID("1");
  content.setInStackPositionNumber(stackPosition);
  content.setDimensionIndexValues(segmentNumber, 0);
  content.setDimensionIndexValues(stackPosition, 1);

  ImageSOPInstanceReferenceMacro source;
  source.setReferencedSOPClassUID(sourceSOPClassUID);
  source.setReferencedSOPInstanceUID(sourceSOPInstanceUID);
  OFVector<ImageSOPInstanceReferenceMacro> sources(1, source);
  std::unique_ptr<FGDerivationImage> derivation(FGDerivationImage::createMinimal(
      sources, "Segmentation of the source CT",
      CodeSequenceMacro("113076", "DCM", "Segmentation"),
      CodeSequenceMacro("121322", "DCM", "Source image for image processing operation")));
  if (!position || !derivation) return failText(error, errorSize, "cannot create frame groups");

  OFVector<FGBase *> perFrame;
  perFrame.push_back(position.get());
  perFrame.push_back(&content);
  perFrame.push_back(derivation.get());
  OFCondition status = segmentation->segmentation->addFrame(const_cast<Uint8 *>(mask),
                                                            segmentNumber, perFrame);
  if (status.bad()) return fail(error, errorSize, "cannot add frame", status);
  return 0;
}

int CDicomObjects_SegmentationWriteFile(CDicomObjects_Segmentation *segmentation,
                                        const CDicomObjects_Attributes *common,
                                        const char *dimensionOrganizationUID,
                                        const char *path, char *error, size_t errorSize) {
  IODMultiframeDimensionModule &dimensions = segmentation->segmentation->getDimensions();
  dimensions.clearData();
  OFCondition status = dimensions.addDimensionIndex(
      DCM_ReferencedSegmentNumber, dimensionOrganizationUID, DCM_SegmentIdentificationSequence,
      "Segment");
  if (status.good()) {
    status = dimensions.addDimensionIndex(DCM_InStackPositionNumber, dimensionOrganizationUID,
                                          DCM_FrameContentSequence, "Slice");
  }
  if (status.bad()) return fail(error, errorSize, "cannot set dimensions", status);

  DcmDataset source(common->dataset);
  status = segmentation->segmentation->importHierarchy(source, OFTrue, OFTrue, OFTrue, OFTrue);
  OFString seriesNumber;
  source.findAndGetOFString(DCM_SeriesNumber, seriesNumber);
  if (status.good()) {
    IODSegmentationSeriesModule &series = segmentation->segmentation->getSegmentationSeriesModule();
    status = series.setSeriesNumber(seriesNumber);
  }
  if (status.bad()) return fail(error, errorSize, "cannot import common attributes", status);

  DcmDataset dataset;
  status = segmentation->segmentation->writeDataset(dataset);
  if (status.bad()) return fail(error, errorSize, "cannot encode segmentation", status);
  status = overlay(common->dataset, dataset);
  if (status.bad()) return fail(error, errorSize, "cannot apply common attributes", status);
  replaceDimensionUIDs(dataset, dimensionOrganizationUID);
  return saveDataset(dataset, path, error, errorSize);
}
