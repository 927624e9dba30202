import LCityContent

// Messages of building: pages that cannot be rendered or written, broken links.

extension Message {
    static func templateMissingForPage(_ template: String, page: String) -> Message {
        Message(
            en: "the template '\(template)' is missing, so \(page) cannot be rendered",
            zh: "缺少模板“\(template)”，因此无法生成 \(page)")
    }

    /// A link the link checker found broken, with what is wrong with it.
    public static func brokenLink(_ link: String, _ problem: Message) -> Message {
        Message(en: "broken link '\(link)': \(problem.en)", zh: "失效的链接“\(link)”：\(problem.zh)")
    }
    static func comparisonNamesNoProfile(_ slug: String) -> Message {
        Message(en: "the comparison names '\(slug)', which has no profile", zh: "比较页面写了“\(slug)”，但它没有城市简介页")
    }
    static func leadsOutsideSiteBase(_ basePath: String) -> Message {
        Message(en: "it leads outside the site (\(basePath))", zh: "它指向站点（\(basePath)）之外")
    }
    static let leadsOutsideSite = Message(en: "it leads outside the site", zh: "它指向站点之外")
    static func noFile(_ path: String) -> Message {
        Message(en: "no file \(path)", zh: "没有文件 \(path)")
    }
    static func fragmentIntoNonPage(_ fragment: String) -> Message {
        Message(en: "#\(fragment) points into a file that is not a page", zh: "#\(fragment) 指向的文件不是网页")
    }
    static func noElementWithID(_ target: String, _ id: String) -> Message {
        Message(en: "\(target) has no element with id '\(id)'", zh: "\(target) 中没有 id 为“\(id)”的元素")
    }

    /// A file or folder of the output that cannot be written.
    static func cannotWrite(_ path: String, reason: String) -> Message {
        Message(en: "cannot write \(path): \(reason)", zh: "无法写入 \(path)：\(reason)")
    }

    /// Another build holds the output's lock.
    static func outputBusy(_ path: String, process: Int32?) -> Message {
        let holder = process.map { "\($0)" } ?? "?"
        return Message(
            en: "another build (process \(holder)) is writing \(path); wait for it to finish, or build into another folder with --output",
            zh: "另一个生成过程（进程 \(holder)）正在写入 \(path)；请等它结束，或用 --output 生成到另一个文件夹")
    }

    /// The output exists and is not a site: a build would replace it whole.
    static func outputNotASite(_ path: String) -> Message {
        let markers = OutputWriter.siteMarkers
        return Message(
            en: "\(path) exists and is not a site built by lcity-site (it lacks \(markers.joined(separator: ", "))); a build replaces its output folder whole, so this one is left as it is: build into a new or empty folder, or move it away first",
            zh: "\(path) 已存在，但不是 lcity-site 生成的网站（缺少 \(markers.joined(separator: "、"))）；生成时会整个替换输出文件夹，因此不动这个文件夹：请生成到新的或空的文件夹，或先把它移走")
    }

    /// An error thrown while writing the output, in words.
    static func writeFailed(_ error: any Error) -> Message {
        if let error = error as? OutputWriter.WriteError { return .cannotWrite(error.path, reason: error.reason) }
        if let error = error as? OutputWriter.Busy { return .outputBusy(error.path, process: error.process) }
        if let error = error as? OutputWriter.NotASite { return .outputNotASite(error.path) }
        return .systemError(error)
    }
}
