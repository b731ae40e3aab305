//! What the lawyer files, through the real binary: exhibits (numbers,
//! branch numbers, the prefix, renumbering, latest value wins with its
//! history in `show`), transcripts and their correction, places and
//! witnesses through every output, and the workbook read back sheet by
//! sheet in Japanese and English.
//!
//! The PDF checks need `pdftotext` (poppler-utils) and a Japanese font
//! (fonts-ipaexfont-gothic), as in tests/export.rs.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use common::{assert_one_error_line, TestEnv};

const MP3: &[u8] = b"ID3\x03\x00\x00\x00\x00\x00\x00 voicemail audio";
fn png(n: u8) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    v.push(n);
    v
}

fn write(env: &TestEnv, name: &str, data: &[u8]) -> PathBuf {
    let p = env.path().join(name);
    std::fs::write(&p, data).unwrap();
    p
}

/// Entries 1 voicemail (file 1), 2 block, 3 LINE (files 2, 3), 4 visit
/// with place and witnesses, 5 SMS (file 4).
fn record(env: &TestEnv) {
    let vm = write(env, "留守電.mp3", MP3);
    let s1 = write(env, "line1.png", &png(1));
    let s2 = write(env, "line2.png", &png(2));
    let s3 = write(env, "sms.png", &png(3));
    env.ok(&[
        "add",
        "voicemail",
        "--at",
        "2026-11-10 18:05",
        "--from",
        "山田 課長",
        "--content",
        "連絡下さい",
        "--duration",
        "45s",
        "--attach",
        vm.to_str().unwrap(),
    ]);
    env.ok(&["action", "blocked", "--at", "2026-11-12 09:00"]);
    env.ok(&[
        "add",
        "line",
        "--at",
        "2026-11-18 21:40",
        "--from",
        "山田 課長",
        "--content",
        "番号変わりました。連絡下さい。",
        "--attach",
        s1.to_str().unwrap(),
        "--attach",
        s2.to_str().unwrap(),
    ]);
    env.ok(&[
        "add",
        "visit",
        "--at",
        "2026-11-20 08:10",
        "--from",
        "山田 課長",
        "--place",
        "自宅マンション前",
        "--witness",
        "管理人 鈴木",
        "--witness",
        "隣人 田中",
        "--count",
        "2",
    ]);
    env.ok(&[
        "add",
        "sms",
        "--at",
        "2026-11-21 07:00",
        "--from",
        "山田 課長",
        "--attach",
        s3.to_str().unwrap(),
    ]);
}

/// A sheet's cells as text; date cells (a date number format) as
/// `2026-11-10 18:05:00`, or `2026-11-10` when they hold no time of day.
fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range: Range<Data> = wb.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::DateTime(d) => excel_date_text(d.as_f64()),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// An Excel date serial (days since 1899-12-30) as text.
fn excel_date_text(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let secs = (serial * 86_400.0).round() as i64;
    let t = epoch + chrono::Duration::seconds(secs);
    if secs % 86_400 == 0 {
        t.format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

fn sheet_names(path: &Path) -> Vec<String> {
    let wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.sheet_names().to_vec()
}

fn xlsx(env: &TestEnv, lang: &str, extra: &[&str]) -> PathBuf {
    let out = env.path().join(format!("case-{lang}.xlsx"));
    let mut args = vec![
        "--lang",
        lang,
        "export",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    env.ok(&args);
    out
}

/// A part of the xlsx (a zip of XML files).
fn xlsx_part(path: &Path, part: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(part).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn labels(rows: &[Vec<String>]) -> Vec<String> {
    rows.iter().skip(1).map(|r| r[0].clone()).collect()
}

fn need(tool: &str, package: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "`{tool}` is needed by this test: install {package} (CI installs it in .ci/run)"
    );
}

fn pdf_text(env: &TestEnv, lang: &str, extra: &[&str]) -> String {
    need("pdftotext", "poppler-utils");
    let out = env.path().join(format!("report-{lang}.pdf"));
    let mut args = vec!["--lang", lang, "export", "pdf", "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.ok(&args);
    let o = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn exhibits_are_numbered_grouped_prefixed_and_renumbered() {
    let env = TestEnv::new();
    record(&env);
    // One exhibit per file, in order of first attachment.
    let ja = sheet(&xlsx(&env, "ja", &[]), "証拠説明書");
    assert_eq!(labels(&ja), ["甲1", "甲2", "甲3", "甲4"]);
    // Files 2 and 3 (one LINE conversation) become one exhibit.
    env.ok(&["exhibit", "3", "--group", "2"]);
    let ja = sheet(&xlsx(&env, "ja", &[]), "証拠説明書");
    assert_eq!(labels(&ja), ["甲1", "甲2の1", "甲2の2", "甲3"]);
    // Another prefix.
    let otsu = sheet(&xlsx(&env, "ja", &["--exhibit-prefix", "乙"]), "証拠説明書");
    assert_eq!(labels(&otsu), ["乙1", "乙2の1", "乙2の2", "乙3"]);
    // English labels.
    let en = sheet(&xlsx(&env, "en", &[]), "Exhibit list");
    assert_eq!(
        labels(&en),
        ["Exhibit 1", "Exhibit 2-1", "Exhibit 2-2", "Exhibit 3"]
    );
    // Withdrawing the voicemail takes its file out; the rest move up.
    env.ok(&["void", "1", "--reason", "recorded in the wrong case"]);
    let ja = sheet(&xlsx(&env, "ja", &[]), "証拠説明書");
    assert_eq!(labels(&ja), ["甲1の1", "甲1の2", "甲2"]);
    // Taking file 3 out of the group again.
    env.ok(&["exhibit", "3", "--group", "0"]);
    let ja = sheet(&xlsx(&env, "ja", &[]), "証拠説明書");
    assert_eq!(labels(&ja), ["甲1", "甲2", "甲3"]);
    // The bundle names the files by their exhibit.
    let zip_path = env.path().join("b.zip");
    env.ok(&[
        "--lang",
        "ja",
        "export",
        "bundle",
        "-o",
        zip_path.to_str().unwrap(),
    ]);
    let z = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let names: Vec<&str> = z.file_names().collect();
    for want in [
        "evidence/001_留守電.mp3",
        "evidence/甲1_line1.png",
        "evidence/甲2_line2.png",
        "evidence/甲3_sms.png",
        "workbook.xlsx",
    ] {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
}

#[test]
fn bad_exhibit_and_transcript_requests_fail_with_one_line() {
    let env = TestEnv::new();
    record(&env);
    let (_, err) = env.fails(&["exhibit", "9", "--title", "x"], 2);
    assert_one_error_line(&err);
    assert!(err.contains("no evidence file 9"), "{err}");
    let (_, err) = env.fails(&["exhibit", "2", "--group", "2"], 2);
    assert_one_error_line(&err);
    let (_, err) = env.fails(&["exhibit", "2", "--purpose", " "], 2);
    assert_one_error_line(&err);
    let t = write(&env, "t.txt", "山田：もしもし".as_bytes());
    let (_, err) = env.fails(&["transcript", "2", "--file", t.to_str().unwrap()], 2);
    assert_one_error_line(&err);
    assert!(err.contains("not a recording (image/png)"), "{err}");
    let bad = write(&env, "bad.txt", b"\xff\xfe\x00");
    let (_, err) = env.fails(&["transcript", "1", "--file", bad.to_str().unwrap()], 2);
    assert_one_error_line(&err);
    let nospeaker = write(&env, "n.txt", "話者のない行\n山田：はい".as_bytes());
    let (_, err) = env.fails(
        &["transcript", "1", "--file", nospeaker.to_str().unwrap()],
        2,
    );
    assert!(err.contains("line 1"), "{err}");
    // Nothing was recorded by the failures.
    assert_eq!(env.json(&["verify", "--json"])["entries"], 5);
}

#[test]
fn the_latest_purpose_wins_and_show_keeps_the_history() {
    let env = TestEnv::new();
    record(&env);
    // The default states facts only, with the block before it.
    let ja = sheet(&xlsx(&env, "ja", &[]), "証拠説明書");
    let heading = &ja[0];
    assert_eq!(
        heading[..6],
        [
            "号証",
            "標目",
            "原本・写しの別",
            "作成年月日",
            "作成者",
            "立証趣旨"
        ]
    );
    assert_eq!(
        ja[2][1],
        "LINEメッセージのスクリーンショット（2026年11月18日）"
    );
    assert_eq!(ja[2][2], "写し");
    assert_eq!(
        ja[2][5],
        "山田 課長が、着信拒否後の2026年11月18日にLINEメッセージで連絡してきた事実"
    );
    assert_eq!(ja[1][1], "留守番電話の録音（2026年11月10日）");
    assert_eq!(ja[1][4], "山田 課長");
    assert_eq!(ja[1][3], "2026-11-10");
    assert!(ja[1][6].contains("留守電.mp3"), "{:?}", ja[1]);
    for row in &ja[1..] {
        for word in ["違反", "ストーカー", "不法行為", "harass", "stalk"] {
            assert!(!row.join(" ").contains(word), "{row:?}");
        }
    }
    env.ok(&["exhibit", "2", "--purpose", "最初の立証趣旨"]);
    env.ok(&[
        "exhibit",
        "2",
        "--purpose",
        "新しいアカウントから連絡してきた事実",
        "--original",
        "--made-by",
        "佐藤 花子",
        "--made-on",
        "2026-11-19",
        "--title",
        "LINEトーク画面",
    ]);
    let ja = sheet(&xlsx(&env, "ja", &[]), "証拠説明書");
    assert_eq!(
        ja[2][..6],
        [
            "甲2",
            "LINEトーク画面",
            "原本",
            "2026-11-19",
            "佐藤 花子",
            "新しいアカウントから連絡してきた事実"
        ]
    );
    // The other file of the entry keeps its defaults.
    assert_eq!(ja[3][2], "写し");
    // `show` of the entry lists both values, in order.
    let shown = env.ok(&["show", "3"]);
    let first = shown.find("最初の立証趣旨").expect(&shown);
    let second = shown
        .find("新しいアカウントから連絡してきた事実")
        .expect(&shown);
    assert!(first < second, "{shown}");
    // `exhibit N` alone shows the current row and the history.
    let now = env.ok(&["--lang", "ja", "exhibit", "2"]);
    assert!(now.starts_with("甲2：line1.png"), "{now}");
    assert!(
        now.contains("立証趣旨: 新しいアカウントから連絡してきた事実"),
        "{now}"
    );
    assert!(now.contains("第6番") && now.contains("第7番"), "{now}");
}

#[test]
fn a_transcript_and_its_correction() {
    let env = TestEnv::new();
    record(&env);
    let t1 = write(
        &env,
        "t1.txt",
        "\u{feff}山田：もしもし、山田です。\n連絡下さい。\n\nSpeaker B: (silence)\n".as_bytes(),
    );
    let out = env.ok(&[
        "transcript",
        "1",
        "--file",
        t1.to_str().unwrap(),
        "--by",
        "佐藤 花子",
    ]);
    assert!(out.starts_with("Recorded entry 6: transcript"), "{out}");
    let json = env.json(&["show", "6", "--json"]);
    let u = &json["entry"]["transcript"]["utterances"];
    assert_eq!(u[0]["speaker"], "山田");
    assert_eq!(u[0]["text"], "もしもし、山田です。\n連絡下さい。");
    assert_eq!(u[1]["speaker"], "Speaker B");
    assert_eq!(json["entry"]["transcript"]["by"], "佐藤 花子");
    let text = pdf_text(&env, "ja", &[]);
    assert!(text.contains("反訳書（甲1）"), "{text}");
    assert!(text.contains("もしもし、山田です。"), "{text}");
    assert!(text.contains("佐藤 花子"), "{text}");
    assert!(text.contains("45秒"), "{text}");
    // The SHA-256 in two lines of 32.
    let sha = json["entry"]["transcript"]["file"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        text.contains(&sha[..32]) && text.contains(&sha[32..]),
        "{text}"
    );
    // A correction: a new entry; the report shows the new text only.
    let t2 = write(
        &env,
        "t2.txt",
        "山田：もしもし、山田と申します。\n本人：……\n".as_bytes(),
    );
    env.ok(&["transcript", "1", "--file", t2.to_str().unwrap()]);
    let text = pdf_text(&env, "ja", &[]);
    assert!(text.contains("山田と申します"), "{text}");
    assert!(!text.contains("もしもし、山田です。"), "{text}");
    assert!(
        text.contains("訂正前の反訳") && text.contains("第6番"),
        "{text}"
    );
    // Both stay in the record, which still verifies.
    assert_eq!(
        env.json(&["show", "6", "--json"])["entry"]["kind"],
        "transcript"
    );
    env.ok(&["verify"]);
    // English report.
    let en = pdf_text(&env, "en", &[]);
    assert!(en.contains("Transcript of a recording (Exhibit 1)"), "{en}");
    assert!(en.contains("Words spoken"), "{en}");
}

#[test]
fn places_and_witnesses_reach_every_output() {
    let env = TestEnv::new();
    record(&env);
    env.ok(&[
        "amend",
        "4",
        "--reason",
        "正確な場所",
        "--place",
        "自宅マンション1階ロビー",
    ]);
    let list = env.ok(&["list"]);
    assert!(list.contains("place: 自宅マンション1階ロビー"), "{list}");
    assert!(list.contains("witnesses: 管理人 鈴木, 隣人 田中"), "{list}");
    let show = env.ok(&["show", "4"]);
    assert!(show.contains("自宅マンション1階ロビー"), "{show}");
    assert!(
        show.contains("place: 自宅マンション前 -> 自宅マンション1階ロビー"),
        "{show}"
    );
    assert!(show.contains("witnesses  管理人 鈴木, 隣人 田中"), "{show}");
    let json = env.json(&["list", "--json"]);
    let visit = &json.as_array().unwrap()[3];
    assert_eq!(visit["place"], "自宅マンション1階ロビー");
    assert_eq!(visit["witnesses"][1], "隣人 田中");
    // CSV, both languages.
    let csv = env.ok(&["--lang", "en", "export", "csv", "--no-bom"]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let head = r.headers().unwrap().clone();
    let place = head.iter().position(|h| h == "place").unwrap();
    let wit = head.iter().position(|h| h == "witnesses").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(&rows[3][place], "自宅マンション1階ロビー");
    assert_eq!(&rows[3][wit], "管理人 鈴木\n隣人 田中");
    let csv_ja = env.ok(&["--lang", "ja", "export", "csv", "--no-bom"]);
    assert!(
        csv_ja.lines().next().unwrap().contains("場所,目撃者"),
        "{csv_ja}"
    );
    // Stats: visits by place, counting attempts.
    let stats = env.ok(&["stats"]);
    assert!(stats.contains("Visits by place"), "{stats}");
    let line = stats
        .lines()
        .find(|l| l.contains("自宅マンション1階ロビー"))
        .unwrap();
    assert!(line.trim_end().ends_with('2'), "{stats}");
    // The report's timeline.
    let text = pdf_text(&env, "ja", &[]);
    assert!(text.contains("場所：自宅マンション1階ロビー"), "{text}");
    assert!(text.contains("目撃者：管理人 鈴木, 隣人 田中"), "{text}");
    // Clearing the witnesses.
    env.ok(&["amend", "4", "--reason", "誤り", "--witness", ""]);
    assert!(!env.ok(&["list"]).contains("witnesses:"));
}

#[test]
fn the_workbook_reads_back_in_japanese_and_english() {
    let env = TestEnv::new();
    record(&env);
    let head = env.json(&["verify", "--json"])["head"]
        .as_str()
        .unwrap()
        .to_string();
    let ja = xlsx(&env, "ja", &[]);
    assert_eq!(sheet_names(&ja), ["時系列表", "証拠説明書", "統計"]);
    let t = sheet(&ja, "時系列表");
    assert_eq!(
        t[0],
        [
            "番号",
            "日時（Asia/Tokyo, UTC+09:00）",
            "終了日時",
            "種別",
            "手段",
            "結果",
            "相手",
            "番号・アドレス・アカウント",
            "回数",
            "内容・備考",
            "場所",
            "目撃者",
            "号証",
            "訂正・取消",
            "ハッシュ値（SHA-256）"
        ]
    );
    assert_eq!(t.len(), 6);
    assert_eq!(t[1][0], "1");
    // Times are date cells in the case's zone (Asia/Tokyo here).
    assert_eq!(t[1][1], "2026-11-10 18:05:00");
    assert_eq!(t[1][2], "");
    assert_eq!(t[1][4], "留守番電話");
    assert_eq!(t[1][6], "山田 課長");
    assert_eq!(t[1][9], "連絡下さい");
    assert_eq!(t[1][12], "甲1");
    assert_eq!(t[2][3], "対応");
    // An action has no count.
    assert_eq!(t[2][8], "");
    assert_eq!(t[1][8], "1");
    assert_eq!(t[3][12], "甲2\n甲3");
    assert_eq!(t[4][8], "2");
    assert_eq!(t[4][10], "自宅マンション前");
    assert_eq!(t[4][11], "管理人 鈴木\n隣人 田中");
    assert_eq!(t[5][14].replace('\n', ""), head);
    let s = sheet(&ja, "統計");
    assert_eq!(s[0], ["項目", "件数", "回数"]);
    assert_eq!(s[1], ["受けた連絡の合計", "4", "5"]);
    assert!(s
        .iter()
        .any(|r| r[0] == "場所別の訪問：自宅マンション前" && r[2] == "2"));
    assert!(s.iter().any(|r| r[0] == "月別：2026-11" && r[2] == "5"));
    assert!(s.iter().any(|r| r[0] == "最初：2026年11月10日(火) 18:05"));

    let en = xlsx(&env, "en", &[]);
    assert_eq!(sheet_names(&en), ["Timeline", "Exhibit list", "Counts"]);
    let t = sheet(&en, "Timeline");
    assert_eq!(t[0][1], "Date and time (Asia/Tokyo, UTC+09:00)");
    assert_eq!(t[0][10], "Place");
    assert_eq!(t[1][1], "2026-11-10 18:05:00");
    assert_eq!(t[1][4], "voicemail");
    let x = sheet(&en, "Exhibit list");
    assert_eq!(
        x[0][..6],
        [
            "Exhibit",
            "Title",
            "Original or copy",
            "Date made",
            "Made by",
            "Facts it shows"
        ]
    );
    assert_eq!(x[1][1], "Recording of voicemail (10 November 2026)");
    assert_eq!(x[1][2], "copy");
    assert_eq!(
        x[2][5],
        "That 山田 課長 made contact by LINE message on 18 November 2026, after being blocked"
    );
    let s = sheet(&en, "Counts");
    assert_eq!(s[1], ["All contacts received", "4", "5"]);

    // Dates in Japanese style (weekday in Japanese whatever the computer's
    // language), in English style in English; the timeline keeps its
    // number and date columns in view; the SHA-256 in a fixed-width font.
    let styles = xlsx_part(&ja, "xl/styles.xml");
    assert!(
        styles.contains("[$-411]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;(aaa) hh:mm"),
        "{styles}"
    );
    assert!(styles.contains("Courier New"), "{styles}");
    let styles = xlsx_part(&en, "xl/styles.xml");
    assert!(styles.contains("[$-409]ddd d mmm yyyy hh:mm"), "{styles}");
    assert!(xlsx_part(&ja, "xl/worksheets/sheet1.xml").contains("xSplit=\"2\""));

    // Page setup: A4, frozen and repeated header rows, case id and head
    // hash in every sheet's footer.
    let case_id = env.json(&["verify", "--json"])["case_id"]
        .as_str()
        .map(str::to_string);
    let wbxml = xlsx_part(&ja, "xl/workbook.xml");
    assert_eq!(wbxml.matches("_xlnm.Print_Titles").count(), 3, "{wbxml}");
    for n in 1..=3 {
        let xml = xlsx_part(&ja, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains("paperSize=\"9\""), "{xml}");
        assert!(xml.contains("ySplit=\"1\""), "{xml}");
        assert!(
            xml.contains("<fitToPage/>") || xml.contains("fitToPage=\"1\""),
            "{xml}"
        );
        assert!(
            xml.contains("fitToHeight=\"0\""),
            "sheet {n}: not one page wide"
        );
        // Every row's height is set from its wrapped text.
        let rows = xml.matches("<row ").count();
        assert!(rows > 1, "{xml}");
        assert_eq!(xml.matches("customHeight=\"1\"").count(), rows, "{xml}");
        assert!(xml.contains(&head), "sheet {n}: no head hash in the footer");
        if let Some(id) = &case_id {
            assert!(xml.contains(id.as_str()), "sheet {n}: no case id");
        }
    }
}

#[test]
fn the_report_has_the_exhibit_list_in_the_courts_column_order() {
    let env = TestEnv::new();
    record(&env);
    let text = pdf_text(&env, "ja", &[]);
    let at = text.find("証拠説明書\n").expect(&text);
    let table = &text[at..];
    let mut last = 0;
    for col in [
        "号証",
        "標目",
        "原本・",
        "作成年月日",
        "作成者",
        "立証趣旨",
        "備考",
    ] {
        let i = table
            .find(col)
            .unwrap_or_else(|| panic!("{col} missing: {table}"));
        assert!(i >= last, "{col} out of order: {table}");
        last = i;
    }
    assert!(table.contains("甲1") && table.contains("甲4"), "{table}");
    // Times in Japanese style, the zone once in the heading.
    assert!(text.contains("2026年11月10日"), "{text}");
    assert!(text.contains("Asia/Tokyo"), "{text}");
    assert!(!text.contains("18:05 +09:00"), "{text}");
    let text = pdf_text(&env, "en", &["--exhibit-prefix", "P-"]);
    assert!(text.contains("Exhibit list"), "{text}");
    assert!(text.contains("P-1") && text.contains("P-4"), "{text}");
}
