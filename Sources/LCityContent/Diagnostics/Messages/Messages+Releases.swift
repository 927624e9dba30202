import Foundation

// Messages of releases: the release files in content/releases/ and what changed since the previous release.

extension Message {
    package static let releaseFileMalformed = Message(
        en: "this release file is not valid CSV (an unclosed quote?)", zh: "这个发布版本文件不是有效的 CSV（引号没有闭合？）")
    package static func releaseFileColumnsMissing(_ columns: [String]) -> Message {
        Message(
            en: "this release file lacks the column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", "))",
            zh: "这个发布版本文件缺少列：\(columns.joined(separator: "、"))")
    }
    package static func releaseFileHeader(_ header: String) -> Message {
        Message(
            en: "release files are written by `lcity-site release`; their first line is \(header)",
            zh: "发布版本文件由 `lcity-site release` 写入；第一行是 \(header)")
    }
    package static func releaseRowFieldCount(_ count: Int, expected: Int) -> Message {
        Message(
            en: "this row has \(count) fields, the header \(expected)", zh: "这一行有 \(count) 个字段，标题行有 \(expected) 个")
    }
    package static func releaseFieldNotANumber(_ column: String, _ text: String) -> Message {
        Message(en: "\(column) must be a number, found '\(text)'", zh: "\(column) 应为数字，现为“\(text)”")
    }
    package static func releaseRowTwice(_ city: String, _ measure: String, _ category: String, _ year: Int) -> Message {
        let what = category.isEmpty ? "\(city) \(measure) \(year)" : "\(city) \(measure) \(category) \(year)"
        return Message(en: "\(what) is listed twice", zh: "\(what) 出现了两次")
    }
    package static func releaseFileName(_ name: String) -> Message {
        Message(
            en: "'\(name)' is not a release file: they are named <version>.csv, the version as in site.yaml (such as 2026.1.csv)",
            zh: "“\(name)”不是发布版本文件：文件名应为 <版本>.csv，版本与 site.yaml 中的一致（例如 2026.1.csv）")
    }
    package static func revisedSinceRelease(
        _ measure: String, _ year: Int, release: String, before: Message, after: Message
    ) -> Message {
        Message(
            en: "\(measure) \(year) was revised since release \(release): it was \(before.en) and is now \(after.en)",
            zh: "\(measure) \(year) 年的数据在 \(release) 版发布后被修改：原为 \(before.zh)，现为 \(after.zh)")
    }
    package static func revisionIsIntended(_ version: String?) -> Message {
        let marker = "revised: \"\(version ?? "<version>")\""
        return Message(
            en: "if the correction is intended, add \(marker) to the observation and say why in its note; the changes page lists it",
            zh: "如果是有意更正，请在该观测值中加上 \(marker)，并在备注（note）中说明原因；变化页面会列出这项修改")
    }
    package static let notAvailableValue = Message(en: "not available", zh: "无数据")
}
