import LCityContent

// What `serve` says: in the terminal (one line per rebuild) and on the error page it shows while the content has
// errors.

extension Message {
    static func portInUseTrying(_ port: Int, next: Int) -> Message {
        Message(en: "port \(port) is in use, trying \(next)", zh: "端口 \(port) 已被占用，改试 \(next)")
    }
    static func portInUse(_ port: Int) -> Message {
        Message(en: "port \(port) is in use (pass another with --port)", zh: "端口 \(port) 已被占用（请用 --port 指定其他端口）")
    }
    static func serving(_ url: String) -> Message {
        Message(
            en: "serving \(url) — watching content/ and templates/ (Ctrl-C to stop)",
            zh: "正在预览 \(url) — 监视 content/ 和 templates/ 的改动（按 Ctrl-C 停止）")
    }
    static let triggerStart = Message(en: "start", zh: "启动")
    static func filesChanged(_ count: Int) -> Message {
        Message(en: "\(count) files", zh: "\(count) 个文件")
    }
    static func rebuildFailed(_ trigger: Message, errors: Int, time: String) -> Message {
        Message(
            en: "\(trigger.en): \(errors) error(s), still serving the last good site (\(time))",
            zh: "\(trigger.zh)：\(errors) 个错误，继续显示上一次正确生成的网站（\(time)）")
    }
    static func rebuiltAll(_ trigger: Message, pages: Int, time: String) -> Message {
        Message(en: "\(trigger.en): rebuilt all \(pages) pages in \(time)", zh: "\(trigger.zh)：重新生成了全部 \(pages) 个网页，用时 \(time)")
    }
    static func rerendered(_ trigger: Message, pages: Int, time: String) -> Message {
        Message(en: "\(trigger.en): re-rendered \(pages) pages in \(time)", zh: "\(trigger.zh)：重新渲染了 \(pages) 个网页，用时 \(time)")
    }
    static func rebuiltIncrementally(_ trigger: Message, pages: Int, files: Int, time: String) -> Message {
        Message(
            en: "\(trigger.en): rebuilt \(pages) pages, \(files) files changed, in \(time)",
            zh: "\(trigger.zh)：重新生成了 \(pages) 个网页，\(files) 个文件有变化，用时 \(time)")
    }

    // MARK: The error page

    static func errorPageTitle(errors: Int) -> Message {
        Message(en: "lcity-site: \(errors) error\(errors == 1 ? "" : "s")", zh: "lcity-site：\(errors) 个错误")
    }
    static func errorPageHeading(errors: Int) -> Message {
        Message(
            en: "The site cannot be rebuilt: \(errors) error\(errors == 1 ? "" : "s")", zh: "网站无法重新生成：有 \(errors) 个错误")
    }
    static let errorPageIntro = Message(
        en: "Fix the content below; this page reloads by itself when the site builds again.",
        zh: "请改正下面列出的内容；网站能重新生成后，本页会自动刷新。")
    static let errorPageSourceLabel = Message(en: "The line in the file:", zh: "文件中的这一行：")
}
