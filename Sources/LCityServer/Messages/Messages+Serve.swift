import Foundation
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
    static func listeningOnEveryInterface(host: String, port: Int) -> Message {
        Message(
            en: "listening on every network interface (\(host)): other machines open http://<this machine's IP address>:\(port)/; to open it by a DNS name, pass that name with --allowed-host NAME",
            zh: "正在监听所有网络接口（\(host)）：其他计算机请打开 http://<本机 IP 地址>:\(port)/；如要通过域名访问，请用 --allowed-host 域名 指定该名称")
    }
    static func previewReachableFromNetwork(host: String) -> Message {
        Message(
            en: "warning: --host \(host) is not a loopback address, so other machines on the network can reach the preview. It has no authentication and serves drafts (everything in content/, errors included): use it only on a trusted network. Without --host it listens on 127.0.0.1, for this machine only.",
            zh: "警告：--host \(host) 不是本机回环地址，网络中的其他计算机也能访问预览。预览没有任何身份验证，并会显示草稿（content/ 中的全部内容，包括错误）：请只在可信的网络中使用。不加 --host 时只监听 127.0.0.1，仅供本机访问。")
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

// The answer to a request whose Host header names no host the preview answers to (DNS rebinding protection).

extension Message {
    /// Why a request with this `Host` header was refused: it has none, it is no host name (quoted back in printable
    /// ASCII only), or the name is not allowed (then `--allowed-host` with that name is suggested).
    static func hostRefused(_ hostHeader: String?, url: String) -> Message {
        guard let hostHeader, !hostHeader.trimmingCharacters(in: .whitespaces).isEmpty else { return .hostMissing(url: url) }
        guard let name = HostAllowList.hostName(hostHeader) else {
            let printable = hostHeader.unicodeScalars.filter { (0x20..<0x7f).contains($0.value) }.prefix(100)
            return .hostMalformed(String(String.UnicodeScalarView(printable)), url: url)
        }
        return .hostNotAllowed(name, url: url)
    }
    static func hostNotAllowed(_ name: String, url: String) -> Message {
        Message(
            en: "lcity-site serve refused this request: its Host header names '\(name)', which is not an allowed host name (a protection against DNS rebinding). Open \(url) instead, or, to reach the preview by this name, start it with --allowed-host \(name).",
            zh: "lcity-site serve 拒绝了此请求：其 Host 头为“\(name)”，不是允许的主机名（用于防范 DNS 重绑定攻击）。请改为打开 \(url)；如需通过这个名称访问预览，请在启动时加上 --allowed-host \(name)。")
    }
    static func hostMalformed(_ header: String, url: String) -> Message {
        Message(
            en: "lcity-site serve refused this request: its Host header '\(header)' is not a host name (a protection against DNS rebinding). Open \(url) instead.",
            zh: "lcity-site serve 拒绝了此请求：其 Host 头“\(header)”不是有效的主机名（用于防范 DNS 重绑定攻击）。请改为打开 \(url)。")
    }
    static func hostMissing(url: String) -> Message {
        Message(
            en: "lcity-site serve refused this request: it has no Host header (a protection against DNS rebinding). Open \(url) in a browser.",
            zh: "lcity-site serve 拒绝了此请求：请求没有 Host 头（用于防范 DNS 重绑定攻击）。请在浏览器中打开 \(url)。")
    }
}
