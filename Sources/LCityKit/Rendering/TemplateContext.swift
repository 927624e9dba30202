import Foundation

/// Turns a typed view (structs, arrays, optionals) into the dictionaries Mustache reads fastest.
///
/// swift-mustache reads a struct with a new `Mirror` for every name it looks up, and looks names it cannot find up
/// in every enclosing context too. Converting each view once per page is several times faster, and a `nil` becomes
/// `NSNull`, which Mustache treats as present-but-empty: an item without a `note` never shows its parent's `note`.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        switch value {
        case let string as String: return string
        case let bool as Bool: return bool
        case let int as Int: return int
        case let double as Double: return double
        case let strings as [String: String]: return strings
        case let strings as [String]: return strings
        default: break
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
