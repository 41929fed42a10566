import Foundation

extension Thumbnail {
  /// The key axial slice among `thumbnails`: the one whose lesion outlines enclose the most
  /// area (the first on a tie), else the first axial one; nil when there is no axial slice.
  public static func keyAxial(in thumbnails: [Thumbnail]) -> Thumbnail? {
    let axial = thumbnails.filter { $0.kind == .axial }
    // max(by:) keeps the first of equal elements.
    return axial.max { $0.outlineAreaPixels < $1.outlineAreaPixels }
  }

  /// The area enclosed by all outline rings, in square pixels (shoelace formula per ring).
  public var outlineAreaPixels: Double {
    outlines.flatMap(\.rings).reduce(0) { total, ring in
      var twiceArea = 0.0
      let count = ring.count / 2
      for index in 0..<count {
        let next = (index + 1) % count
        twiceArea += ring[2 * index] * ring[2 * next + 1] - ring[2 * next] * ring[2 * index + 1]
      }
      return total + abs(twiceArea) / 2
    }
  }

  /// This thumbnail shrunk by a whole factor so neither side exceeds `maxSidePixels`: each
  /// new pixel is the rounded mean of a factor x factor block (edge blocks average what they
  /// hold), pixel sizes grow by the factor and outline coordinates shrink by it, so the
  /// picture keeps its physical extent. Returned unchanged when it already fits.
  /// - Precondition: `maxSidePixels > 0`.
  public func reduced(maxSidePixels: Int) -> Thumbnail {
    precondition(maxSidePixels > 0, "Thumbnail.reduced: maxSidePixels must be positive")
    let longest = max(widthPixels, heightPixels)
    guard longest > maxSidePixels else { return self }
    let factor = (longest + maxSidePixels - 1) / maxSidePixels
    let width = (widthPixels + factor - 1) / factor
    let height = (heightPixels + factor - 1) / factor
    var result = self
    result.pixels = blockMeans(factor: factor, width: width, height: height)
    result.widthPixels = width
    result.heightPixels = height
    result.pixelWidthMM = pixelWidthMM * Double(widthPixels) / Double(width)
    result.pixelHeightMM = pixelHeightMM * Double(heightPixels) / Double(height)
    let scaleX = Double(width) / Double(widthPixels)
    let scaleY = Double(height) / Double(heightPixels)
    result.outlines = outlines.map { outline in
      var outline = outline
      outline.rings = outline.rings.map { ring in
        ring.enumerated().map { index, value in value * (index % 2 == 0 ? scaleX : scaleY) }
      }
      return outline
    }
    return result
  }

  private func blockMeans(factor: Int, width: Int, height: Int) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: width * height)
    for row in 0..<height {
      for column in 0..<width {
        var sum = 0
        var count = 0
        for y in (row * factor)..<min(heightPixels, (row + 1) * factor) {
          for x in (column * factor)..<min(widthPixels, (column + 1) * factor) {
            sum += Int(pixels[y * widthPixels + x])
            count += 1
          }
        }
        result[row * width + column] = UInt8((sum + count / 2) / count)
      }
    }
    return result
  }
}
