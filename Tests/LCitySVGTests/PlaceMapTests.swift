import Foundation
import Testing

import LCityGeography
@testable import LCitySVG

@Suite("Maps")
struct PlaceMapTests {
    /// The shipped site's ten cities (coordinates from content/cities), by region group.
    static let places: [PlaceMap.Place] = [
        ("Ain Thurayya", 31.58, 36.02, 1), ("Campo Orvalho", -19.75, -45.25, 4), ("Fernhaven", 50.95, -105.60, 3),
        ("Kesiwa", 6.38, -1.12, 0), ("Kilindoro", -0.62, 37.08, 0), ("Lindenfurt", 50.98, 9.25, 3),
        ("Ouzirane", 33.35, -5.85, 1), ("桥岚市", 26.05, 118.70, 2), ("Santa Lucerna", 4.85, -75.35, 4),
        ("Sembrani", -7.58, 111.12, 2),
    ].map { name, latitude, longitude, group in
        PlaceMap.Place(
            location: GeoPoint(longitude: longitude, latitude: latitude), label: name,
            href: "cities/\(name.lowercased().replacingOccurrences(of: " ", with: "-"))/", group: group)
    }

    static func map(_ places: [PlaceMap.Place], fits: Bool = false) -> PlaceMap {
        PlaceMap(
            id: "m", title: "Map of member cities", places: places, fitsPlaces: fits, binLabel: { "\($0) cities" },
            binsDescription: { "\($0) cities in \($1) hexagons" })
    }

    /// Each mark's link and position, in document order.
    static func marks(_ svg: String) throws -> [(href: String, x: Int, y: Int)] {
        let pattern = try NSRegularExpression(pattern: ##"<a href="([^"]+)" tabindex="-1"><title>[^<]*</title><use href="#[a-z]+\d" x="(-?\d+)" y="(-?\d+)"/></a>"##)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            let text = { (i: Int) in String(svg[Range(match.range(at: i), in: svg)!]) }
            return (text(1), Int(text(2))!, Int(text(3))!)
        }
    }

    @Test func worldMapGolden() throws {
        try expectGolden(Self.map(Self.places).svg(), "map-world")
    }

    @Test func regionMapGolden() throws {
        try expectGolden(Self.map(Self.places.filter { $0.group == 2 }, fits: true).svg(), "map-region")
    }

    @Test func eachPlaceIsOneLinkAtItsProjectedCoordinates() throws {
        for fits in [false, true] {
            let map = Self.map(Self.places, fits: fits)
            let svg = map.svg()
            let marks = try Self.marks(svg)
            #expect(marks.count == Self.places.count)
            #expect(Set(marks.map(\.href)) == Set(Self.places.map(\.href)))
            let view = MapView(fitting: fits ? Self.places.map { EqualEarth.project($0.location) } : nil)
            for place in Self.places {
                let mark = try #require(marks.first { $0.href == place.href })
                let expected = view.svgPoint(EqualEarth.project(place.location))
                #expect(mark.x == Int(expected.x.rounded()) && mark.y == Int(expected.y.rounded()), "\(place.label)")
                #expect(mark.x >= 0 && Double(mark.x) <= PlaceMap.width && mark.y >= 0 && Double(mark.y) <= view.height)
            }
            #expect(svg.contains("<title>桥岚市</title>"))
        }
    }

    @Test func marksGoByRegionShapeAndNeverOnlyByColour() throws {
        let svg = Self.map(Self.places).svg()
        for group in 0..<PlaceMap.shapeCount {
            #expect(svg.contains("<g class=\"map-g\(group)\">"))
            #expect(svg.contains("<path id=\"m\(group)\" d=\"\(PlaceMap.markPaths[group])\"/>"))
        }
        #expect(Set(PlaceMap.markPaths).count == PlaceMap.shapeCount)
    }

    @Test func theWorldAndARegionAreFramedDifferently() {
        let world = MapView(fitting: nil)
        #expect(abs(world.maxX - world.minX - 2 * EqualEarth.maxX) < 0.05)
        // Without Antarctica (from 56° S to 84° N) the world is about two and a third times as wide as high.
        #expect(world.height > 400 && world.height < 460)
        let asia = MapView(fitting: Self.places.filter { $0.group == 2 }.map { EqualEarth.project($0.location) })
        #expect(asia.scale > world.scale * 3)
        #expect(asia.height >= PlaceMap.width * 0.5 - 1 && asia.height <= PlaceMap.width * 0.9 + 1)
    }

    @Test func landIsOnePathWithoutBordersAndStaysSmall() {
        let svg = Self.map(Self.places).svg()
        #expect(svg.components(separatedBy: "class=\"map-land\"").count == 2)
        #expect(svg.utf8.count < 12_000, "\(svg.utf8.count) bytes")
    }

    /// Six hundred places with long Chinese names are marks while they fit in 60 KB and hexagons beyond; ten thousand
    /// are hexagons, also within 60 KB, each hexagon's count in its tooltip, the counts adding up to every place.
    @Test func mapsStayWithinTheirBudgetAtAnySize() throws {
        var generator = SplitMix(seed: 7)
        func places(_ count: Int, label: String) -> [PlaceMap.Place] {
            (0..<count).map { index in
                let longitude = Double(generator.next() % 36_000) / 100 - 180
                let latitude = Double(generator.next() % 14_000) / 100 - 60
                return PlaceMap.Place(
                    location: GeoPoint(longitude: longitude, latitude: latitude), label: "\(label)\(index)",
                    href: "cities/city-\(index)/", group: index % 5)
            }
        }
        let short = Self.map(places(425, label: "City ")).render()
        #expect(!short.isAggregated && short.svg.count <= PlaceMap.byteBudget, "\(short.svg.count) bytes")
        #expect(try Self.marks(String(decoding: short.svg, as: UTF8.self)).count == 425)
        let long = Self.map(places(PlaceMap.defaultAggregateAbove, label: "圣卢塞尔纳河谷学习型城市")).render()
        #expect(long.isAggregated && long.svg.count <= PlaceMap.byteBudget, "\(long.svg.count) bytes")
        let many = Self.map(places(10_000, label: "City ")).render()
        #expect(many.isAggregated)
        let svg = String(decoding: many.svg, as: UTF8.self)
        #expect(many.svg.count <= PlaceMap.byteBudget, "\(many.svg.count) bytes")
        #expect(try Self.marks(svg).isEmpty)
        #expect(svg.contains("role=\"img\""))
        let counts = try NSRegularExpression(pattern: #"<title>(\d+) cities</title>"#)
        let matches = counts.matches(in: svg, range: NSRange(svg.startIndex..., in: svg))
        #expect(matches.reduce(0) { $0 + Int(svg[Range($1.range(at: 1), in: svg)!])! } == 10_000)
        #expect(svg.contains("10000 cities in \(matches.count) hexagons"))
    }

    @Test func sameInputSameBytes() {
        #expect(Self.map(Self.places).svgBytes() == Self.map(Self.places).svgBytes())
    }

    @Test func hexagonsHoldTheirPoints() {
        for (x, y) in [(0.0, 0.0), (10.5, 3.2), (500.0, 200.0), (-7.0, 9.0), (999.0, 380.0)] {
            let hex = Hex((x, y), radius: 9)
            let centre = hex.centre(radius: 9)
            // Inside its hexagon: no farther from its centre than a corner.
            #expect(((centre.x - x) * (centre.x - x) + (centre.y - y) * (centre.y - y)).squareRoot() <= 9.0001)
        }
    }
}


