// swift-tools-version:6.0
// The ctcase package: serial chest CT studies in, a reproducible PDF case report out.
// Targets are layered bottom-up: C wrappers, imaging core, then one module per stage of the
// data flow (ingest -> analysis -> course -> decisions -> report -> outputs), then the CLI.

import PackageDescription

let dcmtkLibraries = [
  "dcmdata", "dcmjpeg", "ijg8", "ijg12", "ijg16", "dcmjpls", "dcmtkcharls", "dcmimgle",
  "oflog", "ofstd",
]
let gdcmLibraries = ["gdcmMSFF", "gdcmDICT", "gdcmIOD", "gdcmDSED", "gdcmCommon"]

let package = Package(
  name: "ctcase",
  products: [
    .executable(name: "ctcase", targets: ["ctcase"])
  ],
  targets: [
    // MARK: C and C++ wrappers
    .systemLibrary(
      name: "CCairo", pkgConfig: "cairo-pdf",
      providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(
      name: "CPango", pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev"])]),
    .target(
      name: "CDicom",
      cxxSettings: [
        .unsafeFlags(["-std=c++17", "-w"])
      ],
      linkerSettings: (dcmtkLibraries + gdcmLibraries).map { .linkedLibrary($0) }),
    .target(
      name: "CNifti",
      cSettings: [.unsafeFlags(["-I/usr/include/nifti"])],
      linkerSettings: ["nifti2", "znz", "z", "m"].map { .linkedLibrary($0) }),
    .systemLibrary(name: "CNrrd", providers: [.apt(["libteem-dev"])]),

    // MARK: Stages
    .target(name: "Imaging"),
    .target(name: "Ingest", dependencies: ["Imaging", "CDicom", "CNifti", "CNrrd"]),
    .target(name: "Analysis", dependencies: ["Imaging"]),
    .target(name: "Course", dependencies: ["Analysis"]),
    .target(name: "Decisions", dependencies: ["Course"]),
    .target(name: "Report", dependencies: ["Decisions", "CCairo", "CPango"]),
    .target(name: "Outputs", dependencies: ["Report", "Ingest", "CDicom"]),
    .target(name: "Phantom", dependencies: ["Imaging", "Outputs"]),
    .target(
      name: "CTCaseCLI",
      dependencies: [
        "Imaging", "Ingest", "Analysis", "Course", "Decisions", "Report", "Outputs", "Phantom",
      ]),
    .executableTarget(name: "ctcase", dependencies: ["CTCaseCLI"]),

    // MARK: Tests
    .testTarget(name: "ImagingTests", dependencies: ["Imaging"]),
    .testTarget(name: "IngestTests", dependencies: ["Ingest", "Imaging"]),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Imaging"]),
    .testTarget(name: "CourseTests", dependencies: ["Course", "Decisions"]),
    .testTarget(name: "ReportTests", dependencies: ["Report"]),
    .testTarget(name: "CLITests", dependencies: ["CTCaseCLI"]),
    .testTarget(
      name: "IntegrationTests",
      dependencies: ["CTCaseCLI", "Ingest", "Analysis", "Phantom", "Outputs"]),
  ],
  cxxLanguageStandard: .cxx17
)
