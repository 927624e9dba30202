import Foundation
import Testing

@testable import LCityContent
import LCityTestSupport

@Suite("Messages in English and Chinese")
struct MessageTests {
    @Test func languageComesFromTheEnvironmentAsGettextReadsIt() {
        #expect(MessageLanguage.fromEnvironment([:]) == nil)
        #expect(MessageLanguage.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(MessageLanguage.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB"]) == .en)
        #expect(MessageLanguage.fromEnvironment(["LANG": "en_US", "LC_ALL": "zh_TW"]) == .zh)
        #expect(MessageLanguage.fromEnvironment(["LC_ALL": "", "LANG": "zh"]) == .zh)
        // The first one set decides, also when it names a language messages are not written in.
        #expect(MessageLanguage.fromEnvironment(["LC_ALL": "C", "LANG": "zh_CN"]) == nil)
        #expect(MessageLanguage.fromEnvironment(["LANG": "fr_FR.UTF-8"]) == nil)
        #expect(MessageLanguage(code: "zh-Hans") == .zh)
        #expect(MessageLanguage(code: "EN") == .en)
        #expect(MessageLanguage(code: "ar") == nil)
    }

    @Test func requestedLanguageWinsThenEnvironmentThenSiteDefault() {
        #expect(MessageLanguage.resolve(requested: .zh, siteDefault: "en") == .zh)
        #expect(MessageLanguage.resolve(requested: .en, siteDefault: "zh") == .en)
        if MessageLanguage.fromEnvironment() == nil {
            #expect(MessageLanguage.resolve(requested: nil, siteDefault: "zh") == .zh)
            #expect(MessageLanguage.resolve(requested: nil, siteDefault: "ar") == .en)
            #expect(MessageLanguage.resolve(requested: nil, siteDefault: nil) == .en)
        } else {
            #expect(MessageLanguage.resolve(requested: nil, siteDefault: "zh") == MessageLanguage.fromEnvironment())
        }
    }

    @Test func chineseDiagnosticsUseChineseSeverityWordsAndSummary() {
        let diagnostics = [
            Diagnostic.error(.unknownCountry("Kenya"), at: SourceLocation(file: "a.yaml", line: 4, column: 10), notes: [.countryCodeNotName("KE")]),
            Diagnostic.warning(.noSource("1.1.1a", 2021), at: SourceLocation(file: "a.yaml", line: 9, column: 7)),
        ]
        #expect(DiagnosticFormatter.text(diagnostics, language: .zh) == """
            a.yaml:4:10: 错误：未知的国家代码“Kenya”
            a.yaml:4:10: 附注：您是不是要写“KE”？（写代码，不写国名）
            a.yaml:9:7: 警告：指标 1.1.1a 的 2021 年数据没有注明来源
            """)
        #expect(DiagnosticFormatter.summary(diagnostics, fileCount: 12, language: .zh) == "1 个错误，1 个警告，共 12 个文件")
        #expect(DiagnosticFormatter.summary([], fileCount: 12, language: .zh) == "12 个文件中没有问题")
        #expect(DiagnosticFormatter.json(diagnostics, fileCount: 1, language: .zh).contains(#""message" : "未知的国家代码“Kenya”""#))
        #expect(DiagnosticFormatter.githubAnnotations(diagnostics, language: .zh).hasPrefix("::error file=a.yaml,line=4,col=10::未知的国家代码“Kenya”%0A您是不是要写"))
    }

    @Test func excerptsPutTheCaretUnderTheColumnWithTabsAndWideCharacters() {
        let plain = SourceExcerpt(line: "country: Kenya", column: 10)
        #expect(plain.caret == "         ^")
        let tabbed = SourceExcerpt(line: "\t- {year: x}", column: 11)
        #expect(tabbed.caret == "\t         ^")
        let wide = SourceExcerpt(line: "  values: {男: 80.5}", column: 15)
        #expect(wide.caret == "           \u{3000}  ^")
        let text = DiagnosticFormatter.textWithExcerpts(
            [Diagnostic.error(.verbatim("x"), at: SourceLocation(file: "f", line: 2, column: 3))]
        ) { file, line in file == "f" && line == 2 ? "ab c" : nil }
        #expect(text == "f:2:3: error: x\nab c\n  ^")
    }

    @Test func sourceLinesReadOnlyInsideTheSite() throws {
        let site = try TestSite()
        defer { site.remove() }
        let lines = SourceLines(root: site.root)
        #expect(lines.line("content/site.yaml", 1) != nil)
        #expect(lines.line("../etc/passwd", 1) == nil)
        #expect(lines.line("/etc/passwd", 1) == nil)
        #expect(lines.line("content/../../x", 1) == nil)
        #expect(lines.line("content/site.yaml", 100_000) == nil)
    }

    /// Common English words: three of them in a row in a Chinese message mean an untranslated sentence.
    static let englishWords: Set<String> = [
        "the", "a", "an", "is", "are", "of", "in", "to", "for", "and", "or", "not", "must", "be", "has", "have", "no",
        "with", "this", "that", "it", "as", "at", "by", "from", "on", "did", "you", "mean", "write", "use", "found",
        "one", "only", "its", "which", "file", "value", "text", "number", "missing", "unknown", "expected", "should",
        "there", "but", "can", "cannot", "read", "each", "per", "than", "other",
    ]

    static func englishProse(in text: String) -> String? {
        let words = text.split { !$0.isASCII || !($0.isLetter || $0 == "'") }.map { $0.lowercased() }
        var run: [String] = []
        for word in words {
            if englishWords.contains(word) {
                run.append(word)
                if run.count >= 3 { return run.joined(separator: " ") }
            } else {
                run = []
            }
        }
        return nil
    }

    /// Every diagnostic the invalid fixtures produce reads as Chinese in Chinese: no English sentence left in it, and
    /// each message and note differs from its English.
    @Test func everyFixtureDiagnosticIsTranslated() throws {
        let site = try TestSite()
        defer { site.remove() }
        let invalid = fixturesDirectory.appendingPathComponent("invalid")
        for name in try FileManager.default.contentsOfDirectory(atPath: invalid.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(at: invalid.appendingPathComponent(name), to: site.url("content/cities/\(name)"))
        }
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.count > 50)
        for diagnostic in diagnostics {
            for message in [diagnostic.message] + diagnostic.notes {
                #expect(message.zh != message.en, "not translated: \(message.en)")
                #expect(Self.englishProse(in: message.zh) == nil, "English in \(message.zh)")
                #expect(!message.zh.contains(", ") || message.zh.contains("{"), "a half-width comma in \(message.zh)")
            }
        }
    }
}
