import Foundation
import Testing

import LCityContent
@testable import LCityPages
import LCityTestSupport

/// The stylesheet's palette, read from `templates/assets/style.css`.
struct Palette {
    var light: [String: String] = [:]
    var dark: [String: String] = [:]

    init() throws {
        let css = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        let darkStart = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
        light = try Self.variables(in: String(css[..<darkStart.lowerBound]))
        let darkBlock = css[darkStart.upperBound...]
        let end = try #require(darkBlock.range(of: "\n}\n"))
        dark = try Self.variables(in: String(darkBlock[..<end.lowerBound]))
    }

    static func variables(in text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let pattern = try NSRegularExpression(pattern: "--([a-z0-9-]+):\\s*(#[0-9a-fA-F]{6})")
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            result[String(text[Range(match.range(at: 1), in: text)!])] = String(text[Range(match.range(at: 2), in: text)!])
        }
        return result
    }

    /// WCAG 2.1 contrast ratio of two #rrggbb colours.
    static func contrast(_ first: String, _ second: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
                let c = Double(channel) / 255
                return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}

@Suite("Accessibility")
struct AccessibilityTests {
    /// Text colours against the backgrounds they are used on: at least 4.5:1, in light and dark mode.
    static let textPairs = [
        ("fg", "bg"), ("fg", "surface"), ("muted", "bg"), ("muted", "surface"), ("accent", "bg"), ("accent", "surface"),
        ("fg", "notice-bg"), ("notice-line", "bg"), ("notice-line", "notice-bg"), ("missing", "bg"),
        ("badge-official", "bg"), ("badge-survey", "bg"), ("badge-expert", "bg"), ("bg", "accent"), ("bg", "accent-strong"),
    ]
    /// Chart marks and the focus ring against the page: at least 3:1.
    static let markPairs = [("mark", "bg"), ("mark-2", "bg"), ("mark-3", "bg"), ("mark-4", "bg"), ("focus", "bg"), ("mark", "surface")]
        // The map's marks and hexagons on its land and its water.
        + ["mark", "mark-2", "mark-3", "mark-4", "mark-5", "bin-0", "bin-1", "bin-2", "bin-3"].flatMap { [($0, "map-land"), ($0, "map-water")] }

    @Test func textHasAtLeast4_5To1InBothSchemes() throws {
        let palette = try Palette()
        for scheme in [palette.light, palette.dark] {
            for (text, background) in Self.textPairs {
                let ratio = Palette.contrast(try #require(scheme[text], "--\(text)"), try #require(scheme[background], "--\(background)"))
                #expect(ratio >= 4.5, "--\(text) on --\(background): \(ratio)")
            }
        }
    }

    @Test func chartMarksHaveAtLeast3To1InBothSchemes() throws {
        let palette = try Palette()
        for scheme in [palette.light, palette.dark] {
            for (mark, background) in Self.markPairs {
                let ratio = Palette.contrast(try #require(scheme[mark], "--\(mark)"), try #require(scheme[background], "--\(background)"))
                #expect(ratio >= 3, "--\(mark) on --\(background): \(ratio)")
            }
        }
    }

    @Test func contrastFormulaMatchesWCAG() {
        #expect(abs(Palette.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(Palette.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    @Test func everyUIStringsFileHasTheSameKeys() throws {
        let folder = repositoryRoot.appendingPathComponent("content/i18n")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.contains("ar.yaml"))
        var keys: [String: Set<String>] = [:]
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            keys[file] = Set(text.split(separator: "\n").compactMap { line -> String? in
                guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
                return String(line[..<colon])
            })
        }
        let english = try #require(keys["en.yaml"])
        for (file, set) in keys {
            #expect(set == english, "\(file): missing \(english.subtracting(set).sorted()), extra \(set.subtracting(english).sorted())")
        }
    }

    /// A site configured with Arabic as a partially translated language lays out right to left.
    @Test func arabicSiteIsRightToLeftWithANotice() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        try site.edit("content/site.yaml", replacing: "languages: [zh, en]", with: "languages: [zh, en, ar]")
        try site.edit("content/site.yaml", replacing: "default_language: zh", with: "default_language: zh\npartial_languages: {ar: en}")
        let (rendered, report) = site.render()
        #expect(report.diagnostics.map(\.description) == [])
        let files = try #require(rendered).files
        let city = String(decoding: try #require(files["ar/cities/qiaolan/index.html"]), as: UTF8.self)
        #expect(city.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(city.contains("notice-partial"))
        #expect(city.contains("Qiaolan is a river-valley city"), "untranslated content falls back to English")
        #expect(city.contains(#"hreflang="ar""#))
        let english = String(decoding: try #require(files["en/cities/qiaolan/index.html"]), as: UTF8.self)
        #expect(english.contains(#"<html lang="en" dir="ltr">"#))
        #expect(!english.contains("notice-partial"))
        let css = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        #expect(css.contains("direction: ltr"), "charts keep their left-to-right layout in right-to-left pages")
    }
}

@Suite("UI strings used by the code")
struct UIStringTests {
    /// Every literal key the code passes to a localizer is a `UIString`, so validation checks it in every language;
    /// the compiler already refuses a text where a key goes, and this scan would catch a way around it.
    @Test func everyKeyTheCodeUsesIsCheckedInEveryLanguage() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let pattern = try Regex(#"\b(?:l|strings|otherStrings)\[\s*"([a-z0-9_]+)"\s*\]|\.format\(\s*"([a-z0-9_]+)""#)
        var found = Set<String>()
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: pattern) {
                for index in 1..<match.count {
                    if let key = match[index].substring { found.insert(String(key)) }
                }
            }
        }
        let checked = Set(Localizer.keysUsedInCode)
        #expect(found.subtracting(checked).sorted() == [])
        #expect(checked.count >= 88 + 4)
        // And every one of them is defined in each shipped language.
        for language in ["zh", "en"] {
            let text = try String(
                contentsOf: repositoryRoot.appendingPathComponent("content/i18n/\(language).yaml"), encoding: .utf8)
            let defined = Set(text.split(separator: "\n").compactMap { line -> String? in
                guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else { return nil }
                return String(line[..<colon])
            })
            #expect(checked.subtracting(defined).sorted() == [], "\(language)")
        }
    }
}
