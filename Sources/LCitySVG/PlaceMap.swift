import Foundation
import LCityGeography

/// A map of places: Natural Earth land, without borders, in the Equal Earth projection, and each place a mark that
/// links to its page, its shape and colour telling its group (so that colour is never the only cue). Above
/// `aggregateAbove` places, or when the marks would pass `byteBudget`, the marks become hexagons shaded by how many
/// places each holds (`binClasses`): thousands of overlapping marks show nothing. The hexagons are the smallest of
/// `binRadii` that keep the map within the budget.
///
/// The whole world, or (`fitsPlaces`) the smallest view that holds the places, with a margin. Deterministic: the
/// same places give the same bytes. Coordinates are whole units of a 1,000-unit-wide view box, and the land path is
/// simplified to the view's scale, so that a map stays small (`docs/architecture.md`, "Maps").
public struct PlaceMap: SVGChart {
    /// One place on the map.
    public struct Place: Sendable {
        public var location: GeoPoint
        /// The accessible name and tooltip of its mark.
        public var label: String
        /// Where its mark links to.
        public var href: String
        /// Chooses the mark's shape and colour (`shapeCount` kinds, then again).
        public var group: Int

        public init(location: GeoPoint, label: String, href: String, group: Int) {
            self.location = location
            self.label = label
            self.href = href
            self.group = group
        }
    }

    /// Element id prefix, unique on the page.
    public var id: String
    /// Names the map (`aria-label`, or the image's title when the places are aggregated).
    public var title: String
    public var places: [Place]
    /// The view holds the places (a region) rather than the world.
    public var fitsPlaces: Bool
    /// Above this many places, hexagons with counts replace the marks.
    public var aggregateAbove: Int
    /// The tooltip of a hexagon holding `count` places ("12 cities").
    public var binLabel: @Sendable (Int) -> String
    /// The aggregated map's description, from the number of places and of hexagons ("10,000 cities in 812
    /// hexagons"): it is an image, and says so.
    public var binsDescription: @Sendable (_ places: Int, _ bins: Int) -> String

    /// The view box's width.
    public static let width = 1000.0
    /// The marks' shapes, in group order: circle, square, triangle, diamond, triangle pointing down.
    public static let shapeCount = 5
    /// The least count of each shade of hexagon (`map-bin-0` … `map-bin-3`).
    public static let binClasses = [1, 5, 20, 100]
    /// The documented switch-over point: the network's 425 cities are marks, a network of thousands is hexagons.
    public static let defaultAggregateAbove = 600
    /// The most a map may weigh, in bytes of SVG.
    public static let byteBudget = 60_000
    /// Radii (centre to corner, in view units) of the hexagons tried in turn.
    public static let binRadii = [9.0, 12, 16, 22, 30, 40]

    public init(
        id: String, title: String, places: [Place], fitsPlaces: Bool,
        aggregateAbove: Int = PlaceMap.defaultAggregateAbove, binLabel: @escaping @Sendable (Int) -> String,
        binsDescription: @escaping @Sendable (Int, Int) -> String
    ) {
        self.id = id
        self.title = title
        self.places = places
        self.fitsPlaces = fitsPlaces
        self.aggregateAbove = aggregateAbove
        self.binLabel = binLabel
        self.binsDescription = binsDescription
    }

    /// A drawn map: its SVG, and whether it shows hexagons (of which radius) rather than marks.
    public struct Rendered: Sendable {
        public var svg: [UInt8]
        /// The hexagons' radius, nil for a map of marks.
        public var binRadius: Double?
        public var isAggregated: Bool { binRadius != nil }
    }

    public func svgBytes() -> [UInt8] { render().svg }

    /// The map with marks if there are few enough and they fit the budget, else with the smallest hexagons that do.
    public func render() -> Rendered {
        let view = MapView(fitting: fitsPlaces ? places.map { EqualEarth.project($0.location) } : nil)
        let points = places.map { view.svgPoint(EqualEarth.project($0.location)) }
        if places.count <= aggregateAbove {
            let svg = draw(view, points: points, binRadius: nil)
            if svg.count <= Self.byteBudget { return Rendered(svg: svg, binRadius: nil) }
        }
        var svg: [UInt8] = []
        for radius in Self.binRadii {
            svg = draw(view, points: points, binRadius: radius)
            if svg.count <= Self.byteBudget { return Rendered(svg: svg, binRadius: radius) }
        }
        return Rendered(svg: svg, binRadius: Self.binRadii.last)
    }

    private func draw(_ view: MapView, points: [(x: Double, y: Double)], binRadius: Double?) -> [UInt8] {
        var writer = SVGWriter()
        writer.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        writer.integer(Int(Self.width))
        writer.raw(" ")
        writer.integer(Int(view.height.rounded()))
        writer.raw("\"")
        writer.attribute("width", Self.width)
        writer.attribute("height", view.height.rounded())
        writer.raw(" class=\"map\"")
        writer.attribute("id", id)
        var bins: [(hex: Hex, count: Int)] = []
        if let binRadius {
            var counts: [Hex: Int] = [:]
            for point in points { counts[Hex(point, radius: binRadius), default: 0] += 1 }
            bins = counts.keys.sorted().map { ($0, counts[$0]!) }
            writer.raw(" role=\"img\" aria-labelledby=\"")
            writer.text(id)
            writer.raw("-title ")
            writer.text(id)
            writer.raw("-desc\">")
            chartTexts(&writer, id: id, title: title, description: binsDescription(places.count, bins.count))
        } else {
            writer.raw(" role=\"group\"")
            writer.attribute("aria-label", title)
            writer.raw(">")
        }
        writer.raw("<defs>")
        if let binRadius {
            writer.raw("<path id=\"")
            writer.text(id)
            writer.raw("-hex\" d=\"")
            writer.raw(utf8: Array(Self.hexagonPath(radius: binRadius).utf8))
            writer.raw("\"/>")
        } else {
            for shape in 0..<Self.shapeCount {
                writer.raw("<path id=\"")
                writer.text("\(id)\(shape)")
                writer.raw("\" d=\"")
                writer.raw(utf8: Array(Self.markPaths[shape].utf8))
                writer.raw("\"/>")
            }
        }
        writer.raw("</defs>")
        if fitsPlaces {
            writer.raw("<rect class=\"map-water\" width=\"100%\" height=\"100%\"/>")
        } else {
            writer.raw("<path class=\"map-water\" d=\"")
            writer.raw(utf8: Array(view.sphereOutline().utf8))
            writer.raw("\"/>")
        }
        writer.raw("<path class=\"map-land\" d=\"")
        writer.raw(utf8: view.landPath())
        writer.raw("\"/>")
        if let binRadius { writeBins(&writer, bins, radius: binRadius) } else { writeMarks(&writer, points) }
        writer.raw("</svg>")
        return writer.utf8
    }

    /// One group of marks per shape, each mark a link named by its `<title>`. Marks are left out of the tab order:
    /// a keyboard would otherwise pass hundreds of them, and the list of places under the map links the same pages.
    private func writeMarks(_ writer: inout SVGWriter, _ points: [(x: Double, y: Double)]) {
        let byGroup = Dictionary(grouping: places.indices) { places[$0].group % Self.shapeCount }
        for group in byGroup.keys.sorted() {
            writer.raw("<g class=\"map-g")
            writer.integer(group)
            writer.raw("\">")
            for index in byGroup[group]! {
                let place = places[index]
                let point = points[index]
                writer.raw("<a href=\"")
                writer.text(place.href)
                writer.raw("\" tabindex=\"-1\"><title>")
                writer.text(place.label)
                writer.raw("</title><use href=\"#")
                writer.text("\(id)\(group)")
                writer.raw("\" x=\"")
                writer.integer(Int(point.x.rounded()))
                writer.raw("\" y=\"")
                writer.integer(Int(point.y.rounded()))
                writer.raw("\"/></a>")
            }
            writer.raw("</g>")
        }
    }

    /// Pointy-top hexagons on a grid in view units; each shaded by its count's class, with the count as tooltip.
    private func writeBins(_ writer: inout SVGWriter, _ bins: [(hex: Hex, count: Int)], radius: Double) {
        let byClass = Dictionary(grouping: bins) { bin in Self.binClasses.lastIndex { bin.count >= $0 } ?? 0 }
        for shade in byClass.keys.sorted() {
            writer.raw("<g class=\"map-bin-")
            writer.integer(shade)
            writer.raw("\">")
            for bin in byClass[shade]! {
                let centre = bin.hex.centre(radius: radius)
                writer.raw("<use href=\"#")
                writer.text(id)
                writer.raw("-hex\" x=\"")
                writer.coordinate(centre.x)
                writer.raw("\" y=\"")
                writer.coordinate(centre.y)
                writer.raw("\"><title>")
                writer.text(binLabel(bin.count))
                writer.raw("</title></use>")
            }
            writer.raw("</g>")
        }
    }

    /// Mark shapes centred on the origin, about 15 units across (of the view's 1,000): circle, square, triangle,
    /// diamond, triangle down. Of about equal area, so that no region's marks look weightier.
    static let markPaths = [
        "M-7 0a7 7 0 1 0 14 0a7 7 0 1 0-14 0z",
        "M-6-6h12v12h-12z",
        "M0-8.5l8 13h-16z",
        "M0-8.5l8.5 8.5-8.5 8.5-8.5-8.5z",
        "M0 8.5l8-13h-16z",
    ]

    /// A pointy-top hexagon centred on the origin.
    static func hexagonPath(radius: Double) -> String {
        var path = ""
        for corner in 0..<6 {
            let angle = Double.pi / 3 * Double(corner) - Double.pi / 2
            path += (corner == 0 ? "M" : "L") + coordinate(radius * cos(angle)) + " " + coordinate(radius * sin(angle))
        }
        return path + "z"
    }
}

/// A cell of a pointy-top hexagonal grid (axial coordinates).
struct Hex: Hashable, Comparable {
    var q: Int
    var r: Int

    /// The cell holding `point`.
    init(_ point: (x: Double, y: Double), radius: Double) {
        let fractionalQ = (3.0.squareRoot() / 3 * point.x - point.y / 3) / radius
        let fractionalR = (2.0 / 3 * point.y) / radius
        // Cube rounding.
        let x = fractionalQ, z = fractionalR, y = -x - z
        var rx = x.rounded(), ry = y.rounded(), rz = z.rounded()
        let dx = abs(rx - x), dy = abs(ry - y), dz = abs(rz - z)
        if dx > dy && dx > dz { rx = -ry - rz } else if dy > dz { ry = -rx - rz } else { rz = -rx - ry }
        _ = ry
        q = Int(rx)
        r = Int(rz)
    }

    func centre(radius: Double) -> (x: Double, y: Double) {
        (radius * 3.0.squareRoot() * (Double(q) + Double(r) / 2), radius * 1.5 * Double(r))
    }

    static func < (a: Hex, b: Hex) -> Bool { (a.r, a.q) < (b.r, b.q) }
}

/// What part of the projected world a map shows, and at what scale.
struct MapView {
    /// The projected box shown (unit-sphere Equal Earth coordinates, y growing north).
    let minX: Double, maxX: Double, minY: Double, maxY: Double
    /// View units per projected unit.
    let scale: Double
    var height: Double { (maxY - minY) * scale }

    /// The whole world's land (without Antarctica), or the box around `points` with a margin, kept between a
    /// landscape and a square shape and inside the world.
    init(fitting points: [(x: Double, y: Double)]?) {
        let world = Self.worldBox
        guard let points, !points.isEmpty else {
            (minX, maxX, minY, maxY) = world
            scale = PlaceMap.width / (maxX - minX)
            return
        }
        let box = Self.box(enclosing: points)
        // A margin of a tenth each side, and at least about 50° of longitude across, so that a region of a few
        // cities still shows where on Earth they are.
        var width = max((box.1 - box.0) * 1.2, 0.9)
        var height = max((box.3 - box.2) * 1.2, 0.2)
        if height > width * 0.9 { width = height / 0.9 }
        if height < width * 0.5 { height = width * 0.5 }
        width = min(width, world.1 - world.0)
        height = min(height, world.3 - world.2)
        let centreX = min(max((box.0 + box.1) / 2, world.0 + width / 2), world.1 - width / 2)
        let centreY = min(max((box.2 + box.3) / 2, world.2 + height / 2), world.3 - height / 2)
        (minX, maxX) = (centreX - width / 2, centreX + width / 2)
        (minY, maxY) = (centreY - height / 2, centreY + height / 2)
        scale = PlaceMap.width / width
    }

    /// The projected box of all land, with a small margin.
    static let worldBox: (Double, Double, Double, Double) = {
        let box = Self.box(enclosing: projectedLand.flatMap(\.points))
        return (-EqualEarth.maxX - 0.01, EqualEarth.maxX + 0.01, box.2 - 0.02, box.3 + 0.02)
    }()

    /// The land rings projected once, with their projected boxes.
    static let projectedLand: [(points: [(x: Double, y: Double)], box: (Double, Double, Double, Double))] = {
        NaturalEarth110m.land.map { ring in
            let points = ring.points.map(EqualEarth.project)
            return (points, box(enclosing: points))
        }
    }()

    /// The smallest box (min x, max x, min y, max y) holding `points`.
    static func box(enclosing points: [(x: Double, y: Double)]) -> (Double, Double, Double, Double) {
        var box = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
        for point in points {
            box = (min(box.0, point.x), max(box.1, point.x), min(box.2, point.y), max(box.3, point.y))
        }
        return box
    }

    /// A projected point in view units (y growing down).
    func svgPoint(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) {
        ((point.x - minX) * scale, (maxY - point.y) * scale)
    }

    /// The land rings that reach into the view, simplified to a view unit, in whole units, as one path.
    func landPath() -> [UInt8] {
        var bytes: [UInt8] = []
        for ring in Self.projectedLand
        where ring.box.1 >= minX && ring.box.0 <= maxX && ring.box.3 >= minY && ring.box.2 <= maxY {
            let points = ring.points.map(svgPoint)
            let kept = Self.simplified(points, tolerance: 1)
            // Whole units; a ring smaller than a unit or two is not drawn.
            var integers: [(Int, Int)] = []
            for point in kept {
                let rounded = (Int(point.x.rounded()), Int(point.y.rounded()))
                if integers.last.map({ $0 != rounded }) ?? true { integers.append(rounded) }
            }
            if integers.count > 1, integers.first! == integers.last! { integers.removeLast() }
            guard integers.count >= 3 else { continue }
            let xs = integers.map(\.0), ys = integers.map(\.1)
            guard xs.max()! - xs.min()! >= 2 || ys.max()! - ys.min()! >= 2 else { continue }
            bytes.append(UInt8(ascii: "M"))
            appendInteger(integers[0].0, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            appendInteger(integers[0].1, to: &bytes)
            bytes.append(UInt8(ascii: "l"))
            for index in 1..<integers.count {
                let dx = integers[index].0 - integers[index - 1].0, dy = integers[index].1 - integers[index - 1].1
                if index > 1, dx >= 0 { bytes.append(UInt8(ascii: " ")) }
                appendInteger(dx, to: &bytes)
                if dy >= 0 { bytes.append(UInt8(ascii: " ")) }
                appendInteger(dy, to: &bytes)
            }
            bytes.append(UInt8(ascii: "z"))
        }
        return bytes
    }

    /// The outline of the whole sphere (the meridians ±180° and the poles' lines), as a path.
    func sphereOutline() -> String {
        var points: [(x: Double, y: Double)] = []
        for latitude in stride(from: -90.0, through: 90, by: 5) {
            points.append(svgPoint(EqualEarth.project(GeoPoint(longitude: 180, latitude: latitude))))
        }
        for latitude in stride(from: 90.0, through: -90, by: -5) {
            points.append(svgPoint(EqualEarth.project(GeoPoint(longitude: -180, latitude: latitude))))
        }
        return "M" + points.map { "\(Int($0.x.rounded())) \(Int($0.y.rounded()))" }.joined(separator: "L") + "z"
    }

    /// Douglas–Peucker simplification of a closed ring (its first point kept).
    static func simplified(_ points: [(x: Double, y: Double)], tolerance: Double) -> [(x: Double, y: Double)] {
        guard points.count > 3 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        // The point farthest from the first splits the closed ring into two open runs.
        let far = points.indices.max { squaredDistance(points[$0], points[0]) < squaredDistance(points[$1], points[0]) }!
        keep[far] = true
        var stack = [(0, far), (far, points.count - 1)]
        keep[points.count - 1] = true
        while let (start, end) = stack.popLast() {
            guard end > start + 1 else { continue }
            var farthest = start, distance = -1.0
            for index in (start + 1)..<end {
                let d = segmentDistance(points[index], points[start], points[end])
                if d > distance { (farthest, distance) = (index, d) }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((start, farthest))
                stack.append((farthest, end))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    static func squaredDistance(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)
    }

    /// Distance from `p` to the segment `a`–`b`.
    static func segmentDistance(_ p: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        let length = squaredDistance(a, b)
        guard length > 0 else { return squaredDistance(p, a).squareRoot() }
        let t = max(0, min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length))
        return squaredDistance(p, (a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))).squareRoot()
    }
}

/// The decimal digits of `value`, with its sign.
func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(value.magnitude, to: &bytes)
}

extension PlaceMap {
    /// The key of group `group`'s marks, for a legend beside the map: a small image of the mark, hidden from
    /// assistive technology (the legend's text says the same).
    public static func legendSymbol(group: Int) -> String {
        "<svg class=\"map-key map-g\(group % shapeCount)\" viewBox=\"-8 -8 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\""
            + " focusable=\"false\"><path d=\"\(markPaths[group % shapeCount])\"/></svg>"
    }

    /// The key of the hexagons of shade `shade` (`binClasses`).
    public static func binSymbol(shade: Int) -> String {
        "<svg class=\"map-key map-bin-\(shade)\" viewBox=\"-10 -10 20 20\" width=\"16\" height=\"16\" aria-hidden=\"true\""
            + " focusable=\"false\"><path d=\"\(hexagonPath(radius: 9))\"/></svg>"
    }
}
