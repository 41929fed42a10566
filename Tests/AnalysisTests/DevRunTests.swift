import Analysis
import Foundation
import Imaging
import Testing

@Test(.enabled(if: ProcessInfo.processInfo.environment["CTCASE_DEV"] != nil))
func devRun() throws {
  let prefix = ProcessInfo.processInfo.environment["CTCASE_DEV"]!
  let v = try RawVolumeFixture.read(prefix: prefix)
  let t0 = Date()
  let a = try LungAnalyzer().analyze(v)
  let dt = Date().timeIntervalSince(t0)
  let m = a.measurements
  print("time \(dt) lung \(m.lungVolumeML) R \(m.rightLungVolumeML) L \(m.leftLungVolumeML)")
  print("lesion \(m.lesionVolumeML) po \(m.poPercent) pho \(m.phoPercent) sev \(m.severityScore)")
  for l in m.lesions.prefix(15) {
    print(
      l.id, l.volumeML, l.centerLPS.array, l.longestDiameterMM, l.side, l.zone, l.type, l.meanHU)
  }
  print("count", m.lesions.count)
  let data = Data(a.labels.labels)
  try data.write(to: URL(fileURLWithPath: prefix + ".labels.u8"))
  let ids = a.lesionMap.withUnsafeBufferPointer { Data(buffer: $0) }
  try ids.write(to: URL(fileURLWithPath: prefix + ".ids.u16"))
}
