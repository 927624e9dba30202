import LCityContent

// What the commands print themselves: build summaries, link-check totals, failures.

extension Message {
    static func buildFailed(errors: Int, output: String) -> Message {
        Message(
            en: "build failed: \(errors) error(s); \(output) was left as it was",
            zh: "生成失败：\(errors) 个错误；\(output) 保持原样，没有改动")
    }
    static func renderingProgress(_ done: Int, _ total: Int) -> Message {
        Message(en: "rendering \(done)/\(total) pages", zh: "正在生成网页 \(done)/\(total)")
    }
    static func built(
        pages: String, languages: Int, otherFiles: String, seconds: String, output: String
    ) -> Message {
        Message(
            en: "built \(pages) pages (\(languages) languages) and \(otherFiles) other files in \(seconds) s → \(output)",
            zh: "已生成 \(pages) 个网页（\(languages) 种语言）和 \(otherFiles) 个其他文件，用时 \(seconds) 秒 → \(output)")
    }
    static func phases(_ phases: String, kibibytes: String) -> Message {
        Message(en: "  \(phases); \(kibibytes) KiB written", zh: "  \(phases)；共写入 \(kibibytes) KiB")
    }
    static func linksChecked(links: String, pages: String, broken: Int) -> Message {
        Message(
            en: "checked \(links) internal links on \(pages) pages: \(broken) broken",
            zh: "检查了 \(pages) 个网页上的 \(links) 个内部链接：\(broken) 个失效")
    }
    static let portRange = Message(en: "--port must be 0–65535", zh: "--port 必须在 0–65535 之间")
    static func commandError(_ message: Message) -> Message {
        Message(en: "error: \(message.en)", zh: "错误：\(message.zh)")
    }
}
