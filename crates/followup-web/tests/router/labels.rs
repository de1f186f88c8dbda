//! Every form field has a label: a `label for` naming its id, or a `label` around it.

use scraper::{ElementRef, Html, Selector};

use crate::support::{Client, PAGES, acme, globex};

/// The fields of `html` that no label names, as `tag#id` or `tag[name]`.
pub fn unlabelled(html: &Html) -> Vec<String> {
    let fields = Selector::parse("input, select, textarea").unwrap();
    let labels = Selector::parse("label[for]").unwrap();
    let named: Vec<&str> = html
        .select(&labels)
        .filter_map(|l| l.value().attr("for"))
        .collect();
    html.select(&fields)
        .filter(|field| {
            let kind = field.value().attr("type").unwrap_or("text");
            !matches!(kind, "hidden" | "submit" | "button" | "reset" | "image")
        })
        .filter(|field| {
            let by_id = field.value().id().is_some_and(|id| named.contains(&id));
            let wrapped = field
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "label");
            !by_id && !wrapped
        })
        .map(|field| {
            let v = field.value();
            format!(
                "{}#{}[{}]",
                v.name(),
                v.id().unwrap_or(""),
                v.attr("name").unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn the_check_finds_unlabelled_fields() {
    let html = Html::parse_document(
        r#"<form>
            <label for="a">A</label><input id="a" name="a">
            <label>B <select name="b"></select></label>
            <input type="hidden" name="csrf"><button type="submit">Go</button>
            <input id="c" name="c"><textarea name="d"></textarea>
            <label for="x">X</label><input type="checkbox" id="e">
        </form>"#,
    );
    assert_eq!(
        unlabelled(&html),
        ["input#c[c]", "textarea#[d]", "input#e[]"]
    );
}

#[tokio::test]
async fn every_field_of_every_page_has_a_label() {
    let client = Client::new(vec![acme(), globex()]).await;
    for path in PAGES {
        let html = client.get(path).await.html();
        assert_eq!(unlabelled(&html), Vec::<String>::new(), "{path}");
    }
}
