import Foundation

/// The Equal Earth projection (Bojan Šavrič, Tom Patterson, Bernhard Jenny, 2018), on the unit sphere: equal-area
/// (a region's projected area is its area on the sphere), x in ±2.7066 (±`maxX`), y in ±1.3173 (±`maxY`), y
/// growing north (an SVG, whose y grows down, draws -y). Pure functions, safe from any thread.
public enum EqualEarth {
    static let a1 = 1.340264
    static let a2 = -0.081106
    static let a3 = 0.000893
    static let a4 = 0.003796
    static let m = 3.0.squareRoot() / 2

    /// Where `point` lands on the map. Longitudes outside -180…180 are projected as they are (beyond the edge).
    public static func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        let lambda = point.longitude * .pi / 180
        let phi = point.latitude * .pi / 180
        let theta = asin(m * sin(phi))
        let theta2 = theta * theta
        let theta6 = theta2 * theta2 * theta2
        let x = lambda * cos(theta) / (m * (a1 + 3 * a2 * theta2 + theta6 * (7 * a3 + 9 * a4 * theta2)))
        let y = theta * (a1 + a2 * theta2 + theta6 * (a3 + a4 * theta2))
        return (x, y)
    }

    /// The map's half width: x of (180°, 0°), about 2.7066.
    public static let maxX = project(GeoPoint(longitude: 180, latitude: 0)).x
    /// The map's half height: y of the North Pole, about 1.3173.
    public static let maxY = project(GeoPoint(longitude: 0, latitude: 90)).y
}
