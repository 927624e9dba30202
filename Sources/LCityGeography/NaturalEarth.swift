/// One ring of the land outline, in degrees. Open: the last point is not repeated, the ring closes from the last
/// point back to the first (an SVG path closes it with `Z`). Outer rings run counter-clockwise and holes (the
/// Caspian Sea) clockwise, with longitude as x and latitude as y growing north; rings never cross or overlap.
public struct LandRing: Sendable {
    /// At least three points, in hundredths of a degree exactly (the data's precision).
    public let points: [GeoPoint]
    /// The ring's box.
    public let bounds: GeoBounds
    /// Whether the ring is a hole (water inside land), told by its clockwise orientation.
    public let isHole: Bool

    init(points: [GeoPoint]) {
        precondition(points.count >= 3, "a land ring has fewer than three points")
        self.points = points
        bounds = GeoBounds(enclosing: points)!
        var twiceArea = 0.0
        for (index, point) in points.enumerated() {
            let next = points[(index + 1) % points.count]
            twiceArea += point.longitude * next.latitude - next.longitude * point.latitude
        }
        isHole = twiceArea < 0
    }
}

/// Natural Earth 1:110m land and country bounding boxes, compiled in (scripts/make-land-data made them from
/// Admin 0 – Countries; see the generated NaturalEarth110m.swift). Decoded once, on first use, and immutable
/// after: safe from any thread. Needs no file, network or Python at run time.
///
/// The land has no country borders and no Antarctica (no member city is there, and it would take a fifth of the
/// map's height); islands under 0.25 square degrees (four small Hawaiian islands, two of Vanuatu and Solomon Islands)
/// are left out unless they carry a country's largest part. Simplified to 0.1°, in hundredths of a degree.
/// Draw all rings as one SVG `<path>` with the default `fill-rule="nonzero"`: holes run the other way round, so
/// they stay open, and shared edges never show seams. (Rings neither cross nor overlap, so `evenodd` draws the same.)
public enum NaturalEarth110m {
    /// The credit to show wherever the map appears. Natural Earth is in the public domain; credit it anyway.
    public static let credit = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."

    /// The land rings, largest landmass first, each hole after the outer ring it lies in.
    public static let land: [LandRing] = decodeLand(encodedLand)

    /// The boxes of the country with ISO 3166-1 alpha-2 code `isoAlpha2` (either case), largest first, or nil for a
    /// code the data does not know (states too small for 1:110m, such as Malta, and Antarctica, Kosovo, Northern
    /// Cyprus, Somaliland).
    ///
    /// One box per polygon part, never crossing the antimeridian: Russia, Fiji and the United States get boxes on
    /// both sides of it, France one for French Guiana. A dependency drawn as its own unit (New Caledonia, Greenland,
    /// Puerto Rico, Falkland Islands, French Southern Lands) also counts for its sovereign state, and overseas parts
    /// that 1:110m leaves out (Canary Islands, Azores, Madeira, La Réunion, French Polynesia …) have approximate boxes
    /// entered by hand in scripts/make-land-data.
    public static func countryBounds(_ isoAlpha2: String) -> [GeoBounds]? {
        boundsByCode[isoAlpha2.uppercased()]
    }

    /// Every code `countryBounds` knows, sorted.
    public static var countryCodes: [String] { boundsByCode.keys.sorted() }

    static let boundsByCode: [String: [GeoBounds]] = decodeCountryBounds(encodedCountryBounds)

    // MARK: Decoding (the format is described in scripts/make-land-data)

    static func decodeLand(_ text: String) -> [LandRing] {
        var reader = VarintReader(text)
        var rings: [LandRing] = []
        while let count = reader.next() {
            var x = 0
            var y = 0
            var points: [GeoPoint] = []
            points.reserveCapacity(count)
            for _ in 0..<count {
                guard let dx = reader.next(), let dy = reader.next() else {
                    preconditionFailure("NaturalEarth110m.encodedLand ends inside a ring")
                }
                x += dx
                y += dy
                points.append(GeoPoint(longitude: Double(x) / 100, latitude: Double(y) / 100))
            }
            rings.append(LandRing(points: points))
        }
        return rings
    }

    static func decodeCountryBounds(_ text: String) -> [String: [GeoBounds]] {
        var result: [String: [GeoBounds]] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            precondition(fields.count == 2, "NaturalEarth110m.encodedCountryBounds: bad line \(line)")
            result[String(fields[0])] = fields[1].split(separator: ";").map { box in
                let values = box.split(separator: ",").map { Int($0)! }
                precondition(values.count == 4, "NaturalEarth110m.encodedCountryBounds: bad box \(box)")
                return GeoBounds(
                    minLongitude: Double(values[0]) / 100, minLatitude: Double(values[1]) / 100,
                    maxLongitude: Double(values[2]) / 100, maxLatitude: Double(values[3]) / 100)
            }
        }
        return result
    }
}

/// Reads zigzag variable-length integers written with the base64 alphabet: 5 bits a character, low bits first,
/// the sixth bit set on every character but a number's last. Other characters (line breaks) are skipped.
struct VarintReader {
    private static let digits: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = Int8(value)
        }
        return table
    }()

    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The next number, or nil at the end.
    mutating func next() -> Int? {
        var value = 0
        var shift = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let digit = byte < 128 ? Int(Self.digits[Int(byte)]) : -1
            if digit < 0 { continue }
            value |= (digit & 31) << shift
            shift += 5
            if digit < 32 { return value & 1 == 0 ? value >> 1 : -(value >> 1) - 1 }
        }
        precondition(shift == 0, "NaturalEarth110m.encodedLand ends inside a number")
        return nil
    }
}
