import Foundation
import Testing

@testable import LCityGeography

@Suite("Equal Earth")
struct EqualEarthTests {
    /// The published constants (Šavrič, Patterson, Jenny 2018).
    static let a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796, m = 3.0.squareRoot() / 2

    @Test func originMapsToOrigin() {
        let origin = EqualEarth.project(GeoPoint(longitude: 0, latitude: 0))
        #expect(origin.x == 0 && origin.y == 0)
    }

    @Test func extremesMatchThePublishedConstants() {
        let east = EqualEarth.project(GeoPoint(longitude: 180, latitude: 0))
        #expect(abs(east.x - .pi / (Self.m * Self.a1)) < 1e-12)
        #expect(abs(east.x - 2.7066) < 1e-4 && east.y == 0)
        let theta = Double.pi / 3  // asin(M sin 90°)
        let t2 = theta * theta, t6 = pow(theta, 6)
        let north = EqualEarth.project(GeoPoint(longitude: 0, latitude: 90))
        #expect(abs(north.y - theta * (Self.a1 + Self.a2 * t2 + t6 * (Self.a3 + Self.a4 * t2))) < 1e-12)
        #expect(abs(north.y - 1.3173) < 1e-4 && abs(north.x) < 1e-15)
        #expect(EqualEarth.maxX == east.x && EqualEarth.maxY == north.y)
        // The poles are lines, about 0.59 times as long as the equator.
        let corner = EqualEarth.project(GeoPoint(longitude: 180, latitude: 90))
        #expect(corner.x > 0.55 * east.x && corner.x < 0.65 * east.x && corner.y == north.y)
    }

    @Test(arguments: [(10.0, 20.0), (-75.5, 45.25), (179.9, -66.6), (0.5, 89.9)])
    func projectionIsSymmetric(longitude: Double, latitude: Double) {
        let point = EqualEarth.project(GeoPoint(longitude: longitude, latitude: latitude))
        let west = EqualEarth.project(GeoPoint(longitude: -longitude, latitude: latitude))
        let south = EqualEarth.project(GeoPoint(longitude: longitude, latitude: -latitude))
        #expect(west.x == -point.x && west.y == point.y)
        #expect(south.x == point.x && south.y == -point.y)
        #expect(point.y * latitude > 0 && point.x * longitude > 0)  // north is up, east is right
    }

    /// The projected area of a one-degree cell, its edges followed in small steps (meridians are curves).
    static func projectedArea(longitude: Double, latitude: Double, size: Double = 1) -> Double {
        let steps = 20
        let corners = [(0.0, 0.0), (size, 0), (size, size), (0, size)]
        var outline: [GeoPoint] = []
        for (index, start) in corners.enumerated() {
            let end = corners[(index + 1) % corners.count]
            for step in 0..<steps {
                let fraction = Double(step) / Double(steps)
                outline.append(
                    GeoPoint(
                        longitude: longitude + start.0 + (end.0 - start.0) * fraction,
                        latitude: latitude + start.1 + (end.1 - start.1) * fraction))
            }
        }
        let projected = outline.map(EqualEarth.project)
        var twice = 0.0
        for (index, point) in projected.enumerated() {
            let next = projected[(index + 1) % projected.count]
            twice += point.x * next.y - next.x * point.y
        }
        return twice / 2
    }

    /// The cell's area on the unit sphere.
    static func sphereArea(latitude: Double, size: Double = 1) -> Double {
        let radians = Double.pi / 180
        return size * radians * (sin((latitude + size) * radians) - sin(latitude * radians))
    }

    /// Equal-area: every 1°×1° cell keeps its area on the unit sphere, so cells of equal sphere area (here, two
    /// cells on the same parallel far apart, and cells at different latitudes once their sphere areas are divided
    /// out) come out equal, within 0.5%.
    @Test func cellsKeepTheirArea() {
        var ratios: [Double] = []
        for latitude in [0.0, 20, 45, 60, 75, 85, -40] {
            for longitude in [0.0, 120, -179] {
                let projected = Self.projectedArea(longitude: longitude, latitude: latitude)
                ratios.append(projected / Self.sphereArea(latitude: latitude))
            }
        }
        for ratio in ratios { #expect(abs(ratio - 1) < 0.005, "area ratio \(ratio)") }
        let low = Self.projectedArea(longitude: 10, latitude: 0)
        let high = Self.projectedArea(longitude: 10, latitude: 60)
        #expect(abs(low / Self.sphereArea(latitude: 0) - high / Self.sphereArea(latitude: 60)) < 0.005)
        // An eighth of the sphere (π/2) as one large cell.
        let octant = Self.projectedArea(longitude: 0, latitude: 0, size: 90)
        #expect(abs(octant / (Double.pi / 2) - 1) < 0.005)
    }
}

@Suite("Natural Earth 1:110m")
struct NaturalEarthTests {
    static let beijing = GeoPoint(longitude: 116.4, latitude: 39.9)
    static let paris = GeoPoint(longitude: 2.35, latitude: 48.85)

    /// How many times the rings wind round `point` (counter-clockwise positive): the nonzero fill rule's count.
    static func winding(_ point: GeoPoint) -> Int {
        var winding = 0
        for ring in NaturalEarth110m.land where ring.bounds.contains(point) {
            let points = ring.points
            for (index, a) in points.enumerated() {
                let b = points[(index + 1) % points.count]
                let side = (b.longitude - a.longitude) * (point.latitude - a.latitude)
                    - (point.longitude - a.longitude) * (b.latitude - a.latitude)
                if a.latitude <= point.latitude, b.latitude > point.latitude, side > 0 { winding += 1 }
                if a.latitude > point.latitude, b.latitude <= point.latitude, side < 0 { winding -= 1 }
            }
        }
        return winding
    }

    @Test func landDecodesToTheGeneratedCounts() {
        let land = NaturalEarth110m.land
        let points = land.reduce(0) { $0 + $1.points.count }
        #expect((80...200).contains(land.count), "\(land.count) rings")
        #expect((2_000...6_000).contains(points), "\(points) points")
        #expect(land.count == NaturalEarth110m.encodedLandCounts.rings)
        #expect(points == NaturalEarth110m.encodedLandCounts.points)
        #expect(NaturalEarth110m.version == "4.1.0")
        #expect(NaturalEarth110m.credit.hasPrefix("Made with Natural Earth"))
    }

    @Test func ringsAreOpenValidAndInRange() {
        for ring in NaturalEarth110m.land {
            #expect(ring.points.count >= 3)
            #expect(ring.points.first != ring.points.last, "rings are open: the last point is not repeated")
            #expect(Set(ring.points).count == ring.points.count)
            for point in ring.points {
                #expect((-180...180).contains(point.longitude) && (-90...90).contains(point.latitude))
                #expect(ring.bounds.contains(point))
                #expect(abs((point.longitude * 100).rounded() - point.longitude * 100) < 1e-6)
                #expect(abs((point.latitude * 100).rounded() - point.latitude * 100) < 1e-6)
            }
            #expect(ring.bounds.minLatitude > -60, "no Antarctica")
        }
    }

    /// Outer rings counter-clockwise, holes clockwise: the nonzero rule fills land once and leaves the Caspian open.
    @Test func holesRunTheOtherWayRound() throws {
        let holes = NaturalEarth110m.land.filter(\.isHole)
        #expect(holes.count >= 1 && holes.count <= 10)
        #expect(!NaturalEarth110m.land[0].isHole)
        let caspian = GeoPoint(longitude: 51, latitude: 42)
        #expect(holes.contains { $0.bounds.contains(caspian) })
        #expect(Self.winding(caspian) == 0)
        #expect(Self.winding(Self.beijing) == 1)
        #expect(Self.winding(Self.paris) == 1)
        #expect(Self.winding(GeoPoint(longitude: -30, latitude: 30)) == 0)  // the Atlantic
        #expect(Self.winding(GeoPoint(longitude: 134, latitude: -25)) == 1)  // Australia
    }

    @Test func countryBoxesContainTheirCapitals() throws {
        #expect(try #require(NaturalEarth110m.countryBounds("CN")).contains { $0.contains(Self.beijing) })
        let france = try #require(NaturalEarth110m.countryBounds("FR"))
        #expect(france.contains { $0.contains(Self.paris) })
        #expect(NaturalEarth110m.countryBounds("fr") == france)
        #expect(france.contains { $0.contains(GeoPoint(longitude: -52.3, latitude: 4.9)) }, "Cayenne, French Guiana")
        let swapped = GeoPoint(longitude: 48.85, latitude: 2.35)
        #expect(france.allSatisfy { $0.distanceOutside(swapped) > 5 })
        let oslo = GeoPoint(longitude: 10.75, latitude: 59.91)
        #expect(try #require(NaturalEarth110m.countryBounds("NO")).contains { $0.contains(oslo) })
    }

    @Test func countriesAcrossTheAntimeridianHaveBoxesOnBothSides() throws {
        let russia = try #require(NaturalEarth110m.countryBounds("RU"))
        let fiji = try #require(NaturalEarth110m.countryBounds("FJ"))
        func distance(_ boxes: [GeoBounds], _ longitude: Double, _ latitude: Double) -> Double {
            boxes.map { $0.distanceOutside(GeoPoint(longitude: longitude, latitude: latitude)) }.min()!
        }
        #expect(distance(russia, 177.5, 64.7) == 0)  // Anadyr
        #expect(distance(russia, -173.2, 66.0) == 0)  // Chukotka east of 180°
        #expect(distance(russia, 37.6, 55.75) == 0)  // Moscow
        #expect(distance(fiji, 178.44, -18.14) == 0)  // Suva
        #expect(distance(fiji, -179.9, -16.3) == 0)
        #expect(distance(fiji, 179.9, -16.5) == 0)
        #expect(distance(fiji, -179.5, -18.0) < 2)
        let us = try #require(NaturalEarth110m.countryBounds("US"))
        #expect(distance(us, -157.86, 21.31) < 1)  // Honolulu
        #expect(distance(us, -149.9, 61.2) == 0)  // Anchorage
        #expect(distance(us, 144.75, 13.45) == 0)  // Guam, a hand-entered box
        for boxes in [russia, fiji, us] {
            #expect(boxes.allSatisfy { $0.maxLongitude - $0.minLongitude < 360 && $0.minLongitude <= $0.maxLongitude })
        }
    }

    @Test func unknownCodesHaveNoBoxes() {
        #expect(NaturalEarth110m.countryBounds("ZZ") == nil)
        #expect(NaturalEarth110m.countryBounds("MT") == nil)  // Malta: too small for 1:110m
        #expect(NaturalEarth110m.countryBounds("AQ") == nil)
        #expect(NaturalEarth110m.countryBounds("XK") == nil)
        #expect(NaturalEarth110m.countryBounds("") == nil)
        #expect((150...200).contains(NaturalEarth110m.countryCodes.count))
    }

    @Test func everyBoxIsWellFormed() throws {
        for code in NaturalEarth110m.countryCodes {
            #expect(code.count == 2 && code.allSatisfy { $0.isUppercase && $0.isASCII })
            for box in try #require(NaturalEarth110m.countryBounds(code)) {
                #expect(-180 <= box.minLongitude && box.minLongitude <= box.maxLongitude && box.maxLongitude <= 180)
                #expect(-90 <= box.minLatitude && box.minLatitude <= box.maxLatitude && box.maxLatitude <= 90)
            }
        }
    }
}

@Suite("Geographic boxes")
struct GeoBoundsTests {
    let box = GeoBounds(minLongitude: 10, minLatitude: 20, maxLongitude: 30, maxLatitude: 40)

    @Test func distanceIsZeroInsideAndGrowsOutside() {
        #expect(box.distanceOutside(GeoPoint(longitude: 10, latitude: 40)) == 0)
        #expect(box.contains(GeoPoint(longitude: 15, latitude: 25)))
        #expect(box.distanceOutside(GeoPoint(longitude: 35, latitude: 30)) == 5)
        #expect(box.distanceOutside(GeoPoint(longitude: 20, latitude: 17)) == 3)
        #expect(box.distanceOutside(GeoPoint(longitude: 33, latitude: 44)) == 5)  // 3-4-5 from the corner
        #expect(!box.contains(GeoPoint(longitude: 35, latitude: 30)))
    }

    @Test func longitudeWrapsAroundTheAntimeridian() {
        let east = GeoBounds(minLongitude: 170, minLatitude: -20, maxLongitude: 180, maxLatitude: -10)
        #expect(east.contains(GeoPoint(longitude: -180, latitude: -15)))
        #expect(abs(east.distanceOutside(GeoPoint(longitude: -178, latitude: -15)) - 2) < 1e-9)
        let west = GeoBounds(minLongitude: -180, minLatitude: 60, maxLongitude: -170, maxLatitude: 70)
        #expect(abs(west.distanceOutside(GeoPoint(longitude: 179, latitude: 65)) - 1) < 1e-9)
    }

    @Test func unionAndEnclosing() {
        let other = GeoBounds(minLongitude: -5, minLatitude: 25, maxLongitude: 12, maxLatitude: 50)
        #expect(box.union(other) == GeoBounds(minLongitude: -5, minLatitude: 20, maxLongitude: 30, maxLatitude: 50))
        let points = [GeoPoint(longitude: 3, latitude: -1), GeoPoint(longitude: -2, latitude: 4)]
        let enclosing = GeoBounds(minLongitude: -2, minLatitude: -1, maxLongitude: 3, maxLatitude: 4)
        #expect(GeoBounds(enclosing: points) == enclosing)
        #expect(GeoBounds(enclosing: [GeoPoint]()) == nil)
    }
}
