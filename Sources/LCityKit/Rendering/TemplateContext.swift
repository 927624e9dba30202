import Foundation

/// Turns a typed view (structs, arrays, optionals) into the dictionaries Mustache reads fastest.
///
/// swift-mustache reads a struct with a new `Mirror` for every name it looks up, and looks names it cannot find up
/// in every enclosing context too. Converting each view once per page is several times faster, and a `nil` becomes
/// `NSNull`, which Mustache treats as present-but-empty: an item without a `note` never shows its parent's `note`.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        // Exact-type checks first: they are cheap, where a failed cast to a generic type is not.
        let type = Swift.type(of: value)
        if type == String.self || type == Bool.self || type == Int.self || type == Double.self
            || type == [String: String].self || type == [String].self
        {
            return value
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return NSNull() }
            return make(wrapped)
        case .collection, .set:
            return mirror.children.map { make($0.value) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label else { continue }
                dictionary[label] = make(child.value)
            }
            return dictionary
        default:
            return value
        }
    }
}
