import LCityContent

/// The submission sheet's catalogue: its headers, its guide and the messages of `import`, in English and Chinese.
public enum SheetText {
    // MARK: Sheets and headers

    static let dataSheetName = Message(en: "Data", zh: "数据")
    static let citySheetName = Message(en: "City", zh: "城市")
    static let guideSheetName = Message(en: "Guide", zh: "填写说明")

    static func header(_ column: DataColumn) -> Message {
        switch column {
        case .measure: Message(en: "Measure ID", zh: "测量点编号")
        case .measureName: Message(en: "Measure", zh: "测量点")
        case .definition: Message(en: "Definition", zh: "定义")
        case .unit: Message(en: "Unit", zh: "单位")
        case .validRange: Message(en: "Valid values", zh: "有效范围")
        case .sourceType: Message(en: "Source type", zh: "数据来源类型")
        case .category: Message(en: "Category", zh: "分类")
        case .year: Message(en: "Year", zh: "年份")
        case .value: Message(en: "Value", zh: "数值")
        case .source(let language): sourceHeader(language)
        case .flag: Message(en: "Flag", zh: "标注")
        case .note(let language): noteHeader(language)
        }
    }

    static func sourceHeader(_ language: String) -> Message {
        Message(en: "Source (\(language))", zh: "来源（\(language)）")
    }

    static func noteHeader(_ language: String) -> Message {
        Message(en: "Note (\(language))", zh: "备注（\(language)）")
    }

    static let fieldHeader = Message(en: "Field", zh: "字段")
    static let fieldLabelHeader = Message(en: "What to write", zh: "填写内容")
    static let valueHeader = Message(en: "Value", zh: "内容")

    static func nameField(_ language: String) -> Message {
        Message(en: "The city's name in \(language)", zh: "城市名称（\(language)）")
    }

    static func cityField(_ field: CityField) -> Message {
        switch field {
        case .name: Message(en: "The city's name", zh: "城市名称")
        case .pinyin:
            Message(
                en: "Optional: the pinyin of the Chinese name with tone marks (Chángshā), where the usual reading is wrong",
                zh: "选填：中文名称的汉语拼音（带声调，如 Chángshā），仅在多音字读法易错时填写")
        case .country: Message(en: "Country: ISO 3166-1 alpha-2 code (CN, DE, KE)", zh: "国家：ISO 3166-1 两位字母代码（如 CN、DE、KE）")
        case .region: Message(en: "UNESCO region:", zh: "教科文组织地区：")
        case .population: Message(en: "Population (residents)", zh: "人口（常住人口）")
        case .populationYear: Message(en: "Year of the population figure", zh: "人口数据年份")
        case .joined: Message(en: "Year the city joined the network", zh: "加入网络的年份")
        case .latitude: Message(en: "Optional: latitude in degrees (north positive)", zh: "选填：纬度（度，北纬为正）")
        case .longitude: Message(en: "Optional: longitude in degrees (east positive)", zh: "选填：经度（度，东经为正）")
        case .website: Message(en: "Optional: the city's website (https://…)", zh: "选填：城市网站（https://…）")
        }
    }

    // MARK: Guide

    static let guideTitle = Message(en: "How to fill in this workbook", zh: "如何填写本表")
    static let columnHeader = Message(en: "Column", zh: "列")
    static let meaningHeader = Message(en: "What it holds", zh: "含义")

    static func guideSteps(notAvailable: String, reportingYear: Int, dataSheet: String, citySheet: String) -> [Message] {
        [
            Message(
                en: "1. In the sheet '\(dataSheet)', each row is one measure, one year and (for measures broken down, e.g. by sex) one category. Grey columns describe the measure and cannot be changed; fill in the white ones.",
                zh: "1. 在“\(dataSheet)”工作表中，每一行对应一个测量点的一个年份（分组统计的测量点，如按性别，每个分类一行）。灰色列说明测量点，不能修改；请填写白色列。"),
            Message(
                en: "2. Each measure has an empty row for \(reportingYear). Write the value as a plain number in the measure's unit (61.5 for 61.5 %). Write '\(notAvailable)' when the figure is not available for that year.",
                zh: "2. 每个测量点都有一行\(reportingYear)年的空行。数值请按测量点的单位填写数字（61.5% 填 61.5）。某年没有该数据时，请填写“\(notAvailable)”。"),
            Message(
                en: "3. Every value needs its source: the office, survey or panel it comes from, in each language. A flag (estimated, provisional …) is optional.",
                zh: "3. 每个数值都要注明来源（提供数据的部门、调查或专家组），每种语言各填一次。标注（估计值、初步数据等）为选填。"),
            Message(
                en: "4. To remove a value, clear its value, source, flag and note. Rows you delete from the sheet change nothing.",
                zh: "4. 如要删除某个数值，请清空该行的数值、来源、标注和备注。从表中删除整行不会改变已有数据。"),
            Message(
                en: "5. The sheet '\(citySheet)' holds the city's name, country and region; fill it in for a new city.",
                zh: "5. “\(citySheet)”工作表填写城市名称、国家和地区；新城市必须填写。"),
            Message(
                en: "6. Send the file back, or run: lcity-site import city <slug> <this file>. Every problem is reported at its cell, e.g. 'Data!I12'.",
                zh: "6. 填好后交回本文件，或运行：lcity-site import city <城市代码> <本文件>。每个问题都会指出所在单元格，例如“数据!I12”。"),
        ]
    }

    static func explanation(_ column: DataColumn, flags: String, notAvailable: String) -> Message {
        switch column {
        case .measure: Message(en: "The measure's number in the Key Features framework.", zh: "测量点在《学习型城市关键特征》中的编号。")
        case .measureName: Message(en: "What the measure counts.", zh: "测量点的名称。")
        case .definition: Message(en: "How the measure is defined.", zh: "测量点的定义。")
        case .unit: Message(en: "The unit of the value.", zh: "数值的单位。")
        case .validRange: Message(en: "The values the measure can take.", zh: "数值的有效范围。")
        case .sourceType:
            Message(
                en: "Where such data come from: official data of the city, a survey, or an expert rating.",
                zh: "此类数据的来源：市政府官方数据、调查结果或专家评价。")
        case .category: Message(en: "The category of a breakdown (sex, place of learning …).", zh: "分组统计的分类（性别、学习场所等）。")
        case .year: Message(en: "The year the value refers to.", zh: "数值所属的年份。")
        case .value:
            Message(
                en: "A number in the unit (61.5, 21500; 61,5 and 61.5 % are read as 61.5), a rating from the list, or '\(notAvailable)'.",
                zh: "按单位填写的数字（61.5、21500；“61,5”和“61.5%”都按 61.5 读取），评分从下拉列表中选择，或填写“\(notAvailable)”。")
        case .source(let language):
            Message(en: "Where the figure comes from, in \(language).", zh: "数据来源（\(language)）。")
        case .flag: Message(en: "Optional: \(flags).", zh: "选填：\(flags)。")
        case .note(let language): Message(en: "Optional: a remark on the figure, in \(language).", zh: "选填：对该数值的说明（\(language)）。")
        }
    }

    // MARK: Import messages

    static func cityFileHasErrors(_ file: String) -> Message {
        Message(
            en: "\(file) has errors: fix them (lcity-site check) before importing a sheet into it",
            zh: "\(file) 有错误：请先修正（运行 lcity-site check），再导入表格")
    }

    static func newCityNeedsCitySheet(_ file: String) -> Message {
        Message(
            en: "\(file) does not exist, and a CSV file has no City sheet to create it from",
            zh: "\(file) 不存在，而 CSV 文件没有“城市”工作表，无法据此创建")
    }

    static func newCityNeedsCitySheetHint(_ slug: String) -> Message {
        Message(
            en: "use the XLSX workbook of 'lcity-site new city \(slug) --format xlsx', or create the file with 'lcity-site new city \(slug)' first",
            zh: "请使用“lcity-site new city \(slug) --format xlsx”生成的 XLSX 工作簿，或先用“lcity-site new city \(slug)”创建该文件")
    }

    static func internalEditFailure(_ file: String) -> Message {
        Message(
            en: "the new text of \(file) does not read back as the sheet's data; nothing was written (please report this)",
            zh: "\(file) 的新内容读回后与表格数据不一致，未写入任何内容（请报告此问题）")
    }

    /// The first lines of a city file created from a workbook: a comment in both languages.
    static func newCityFileHeader(_ slug: String) -> String {
        let message = Message(
            en: "City data file for '\(slug)', created from a submission sheet (lcity-site import city).",
            zh: "城市数据文件“\(slug)”，由数据填报表导入生成（lcity-site import city）。")
        return "# \(message.en)\n# \(message.zh)\n"
    }

    static func missingColumns(_ columns: [DataColumn]) -> Message {
        let english = columns.map { "'\(header($0).en)'" }.joined(separator: ", ")
        let chinese = columns.map { header($0).zh }.joined(separator: "”、“")
        return Message(en: "the sheet has no column \(english) in its first row", zh: "表格第一行中没有“\(chinese)”列")
    }

    static let missingColumnsHint = Message(
        en: "keep the header row of the exported sheet (lcity-site export city <slug>); the columns may be in any order",
        zh: "请保留导出表格（lcity-site export city <城市代码>）的标题行；各列顺序可以调整")

    static let emptyWorkbook = Message(en: "the workbook has no sheet", zh: "工作簿中没有工作表")

    static let rowWithoutMeasure = Message(
        en: "this row has values but no measure ID", zh: "该行填写了数据，但没有测量点编号")

    static func unknownMeasure(_ id: String) -> Message {
        Message(en: "unknown measure ID '\(id)'", zh: "未知的测量点编号“\(id)”")
    }

    static let yearEmpty = Message(en: "the year is empty", zh: "年份为空")

    static func yearNotANumber(_ text: String) -> Message {
        Message(en: "the year must be a whole number such as 2024, found '\(text)'", zh: "年份应为整数（如 2024），现为“\(text)”")
    }

    static func categoryEmpty(_ measure: String) -> Message {
        Message(en: "\(measure) is broken down: the category is empty", zh: "\(measure) 分组统计，但分类为空")
    }

    static func unknownCategory(_ text: String, _ measure: String) -> Message {
        Message(en: "unknown category '\(text)' for \(measure)", zh: "\(measure) 没有“\(text)”这个分类")
    }

    static func categoriesAre(_ list: [String]) -> Message {
        Message(en: "categories: \(list.joined(separator: ", "))", zh: "可用分类：\(list.joined(separator: "，"))")
    }

    static func categoryWithoutBreakdown(_ text: String, _ measure: String) -> Message {
        Message(
            en: "\(measure) is not broken down: leave the category empty (found '\(text)')",
            zh: "\(measure) 不分组统计，分类应留空（现为“\(text)”）")
    }

    static func unknownFlag(_ text: String) -> Message {
        Message(en: "unknown flag '\(text)'", zh: "未知的标注“\(text)”")
    }

    static func flagsAre(_ list: [String]) -> Message {
        Message(en: "flags: \(list.joined(separator: ", "))", zh: "可用标注：\(list.joined(separator: "，"))")
    }

    static func duplicateRow(_ measure: String, _ year: Int, _ category: String) -> Message {
        let what = category.isEmpty ? "\(measure) \(year)" : "\(measure) \(year) '\(category)'"
        return Message(en: "a second row for \(what)", zh: "\(what) 重复出现")
    }

    static func firstRowAt(_ location: String) -> Message {
        Message(en: "the first is at \(location)", zh: "第一次出现在 \(location)")
    }

    static func rowsDisagree(_ what: Message, _ measure: String, _ year: Int) -> Message {
        Message(
            en: "the rows of \(measure) \(year) give different values of '\(what.en)': an observation has one",
            zh: "\(measure) \(year)年各行的“\(what.zh)”不一致：同一年的数据只能有一个")
    }

    static func firstGivenAt(_ location: String) -> Message {
        Message(en: "the other is at \(location); write the same on each row, or on one row only", zh: "另一处在 \(location)；请在各行填写相同内容，或只填一行")
    }

    static func valueEmpty(_ measure: String, _ year: Int) -> Message {
        Message(en: "\(measure) \(year) has a source, flag or note but no value", zh: "\(measure) \(year)年填写了来源、标注或备注，但没有数值")
    }

    /// `notAvailable`: the site's word for "not available" in each message language.
    static func valueEmptyHint(_ notAvailable: Message) -> Message {
        Message(
            en: "write the value, or '\(notAvailable.en)' if the figure is not available; to remove the observation, clear its source, flag and note too",
            zh: "请填写数值；没有该数据时填写“\(notAvailable.zh)”；如要删除该数据，请同时清空来源、标注和备注")
    }

    static func missingTranslation(_ languages: String) -> Message {
        Message(en: "this text has no \(languages) version", zh: "该文字缺少 \(languages) 版本")
    }

    static let missingTranslationHint = Message(
        en: "readers of that language see the other language's text; fill in the column of each language",
        zh: "该语言的读者将看到其他语言的文字；请在每种语言的列中填写")

    static func valueNotANumber(_ text: String) -> Message {
        Message(en: "the value must be a number, found '\(text)'", zh: "数值应为数字，现为“\(text)”")
    }

    static func valueNotANumberHint(_ notAvailable: Message) -> Message {
        Message(
            en: "write a number in the measure's unit (61.5), or '\(notAvailable.en)' when the figure is not available",
            zh: "请按测量点的单位填写数字（如 61.5）；没有该数据时填写“\(notAvailable.zh)”")
    }

    static func unknownCityField(_ key: String) -> Message {
        Message(en: "unknown field '\(key)'", zh: "未知的字段“\(key)”")
    }

    static func fieldNotANumber(_ key: String, _ text: String) -> Message {
        Message(en: "\(key) must be a number, found '\(text)'", zh: "\(key) 应为数字，现为“\(text)”")
    }

    static func fieldNotAWholeNumber(_ key: String, _ text: String) -> Message {
        Message(en: "\(key) must be a whole number, found \(text)", zh: "\(key) 应为整数，现为 \(text)")
    }

    // MARK: Command output

    /// `read '61,5' as 61.5`.
    public static func reading(_ typed: String, _ value: String) -> Message {
        Message(en: "read '\(typed)' as \(value)", zh: "“\(typed)”按 \(value) 读取")
    }

    public static func changeLine(_ change: SubmissionImport.Change) -> Message {
        switch change.kind {
        case .added: Message(en: "added \(change.subject)", zh: "新增 \(change.subject)")
        case .changed: Message(en: "changed \(change.subject)", zh: "修改 \(change.subject)")
        case .removed: Message(en: "removed \(change.subject)", zh: "删除 \(change.subject)")
        }
    }

    public static func wroteImport(_ file: String, changes: Int) -> Message {
        Message(en: "wrote \(file): \(changes) change\(changes == 1 ? "" : "s")", zh: "已写入 \(file)：共 \(changes) 处修改")
    }

    public static func noChanges(_ file: String) -> Message {
        Message(en: "no changes: \(file) is left as it was", zh: "没有修改：\(file) 保持不变")
    }

    public static func notWritten(_ file: String) -> Message {
        Message(en: "\(file) was not written: fix the errors above and import again", zh: "未写入 \(file)：请修正以上错误后重新导入")
    }

    public static func dryRun(_ file: String, changes: Int) -> Message {
        Message(
            en: "\(file) would get \(changes) change\(changes == 1 ? "" : "s") (--dry-run: nothing written)",
            zh: "\(file) 将有 \(changes) 处修改（--dry-run：未写入）")
    }

    public static func wroteSheet(_ file: String, rows: Int, year: Int) -> Message {
        Message(
            en: "wrote \(file): \(rows) rows, with empty rows for \(year)",
            zh: "已写入 \(file)：共 \(rows) 行，含 \(year) 年的空行")
    }

    public static func nextImport(_ slug: String, _ path: String) -> Message {
        Message(
            en: "next: fill in the sheets, then run 'lcity-site import city \(slug) \(path)'",
            zh: "下一步：填写各工作表，然后运行“lcity-site import city \(slug) \(path)”")
    }

    public static func cannotReadWorkbook(_ reason: String) -> Message {
        Message(en: "cannot read the file as a spreadsheet: \(reason)", zh: "无法作为表格读取该文件：\(reason)")
    }

    public static let notAZip = Message(
        en: "it is not an XLSX workbook (save it as 'Excel 2007-365 (.xlsx)' or as CSV UTF-8)",
        zh: "它不是 XLSX 工作簿（请另存为“Excel 2007-365 (.xlsx)”或“CSV UTF-8”格式）")

    public static let notUTF8 = Message(
        en: "the CSV file is not UTF-8 (save it as 'CSV UTF-8')", zh: "CSV 文件不是 UTF-8 编码（请另存为“CSV UTF-8”）")

    public static func unknownCity(_ slug: String) -> Message {
        Message(en: "there is no city '\(slug)' in content/cities/", zh: "content/cities/ 中没有城市“\(slug)”")
    }
}
