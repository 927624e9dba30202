/// A point on the Earth in degrees: longitude east (negative west), latitude north (negative south). Plain values,
/// not checked: the caller keeps longitude in -180…180 and latitude in -90…90.
public struct GeoPoint: Sendable, Hashable {
    public var longitude: Double
    public var latitude: Double

    /// Creates a point from degrees east and north.
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// A longitude–latitude box in degrees, bounds included. Never crosses the antimeridian: `minLongitude` is at most
/// `maxLongitude`, and a region across ±180° takes two boxes (one touching 180, one touching -180), so that
/// `contains` and `distanceOutside` need no special case beyond treating -180° and 180° as the same meridian.
public struct GeoBounds: Sendable, Hashable {
    public var minLongitude: Double
    public var minLatitude: Double
    public var maxLongitude: Double
    public var maxLatitude: Double

    /// Creates a box; the minimums must not exceed the maximums.
    public init(minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double) {
        precondition(minLongitude <= maxLongitude && minLatitude <= maxLatitude, "GeoBounds with min above max")
        self.minLongitude = minLongitude
        self.minLatitude = minLatitude
        self.maxLongitude = maxLongitude
        self.maxLatitude = maxLatitude
    }

    /// The smallest box around `points`, or nil for none.
    public init?(enclosing points: some Sequence<GeoPoint>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = (first.longitude, first.latitude, first.longitude, first.latitude)
        while let point = iterator.next() {
            box.0 = min(box.0, point.longitude)
            box.1 = min(box.1, point.latitude)
            box.2 = max(box.2, point.longitude)
            box.3 = max(box.3, point.latitude)
        }
        self.init(minLongitude: box.0, minLatitude: box.1, maxLongitude: box.2, maxLatitude: box.3)
    }

    /// Whether `point` lies in the box, edges included (exactly when `distanceOutside(point)` is 0).
    public func contains(_ point: GeoPoint) -> Bool {
        distanceOutside(point) == 0
    }

    /// The smallest box holding both (in longitude as numbers: it does not wrap around the antimeridian).
    public func union(_ other: GeoBounds) -> GeoBounds {
        GeoBounds(
            minLongitude: min(minLongitude, other.minLongitude), minLatitude: min(minLatitude, other.minLatitude),
            maxLongitude: max(maxLongitude, other.maxLongitude), maxLatitude: max(maxLatitude, other.maxLatitude))
    }

    /// Degrees by which a point lies outside the box (0 inside): the length of the (longitude, latitude) gap to
    /// the box, in plain degrees (a degree of longitude counts as much as one of latitude). Longitude is compared
    /// the short way round, so 179.9° lies 0.1° from a box starting at -180°.
    public func distanceOutside(_ point: GeoPoint) -> Double {
        let latitudeGap = max(minLatitude - point.latitude, 0, point.latitude - maxLatitude)
        var longitudeGap = Double.infinity
        for shift in [0.0, -360, 360] {
            let longitude = point.longitude + shift
            longitudeGap = min(longitudeGap, max(minLongitude - longitude, 0, longitude - maxLongitude))
        }
        if latitudeGap == 0 { return longitudeGap }
        if longitudeGap == 0 { return latitudeGap }
        return (latitudeGap * latitudeGap + longitudeGap * longitudeGap).squareRoot()
    }
}
