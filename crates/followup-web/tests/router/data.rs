//! Your data (`/data`): the export and the CSV log as downloads, and an uploaded export merged
//! only after its changes were shown.

use axum::body::Body;
use axum::http::{Method, StatusCode, header};
use serde_json::Value;

use crate::support::{Client, acme, globex, select_text};

const BOUNDARY: &str = "----followup-test-boundary";

/// A multipart upload of `file` as the form's `export` field, with `csrf` when given.
async fn upload(client: &Client, file: &str, csrf: Option<&str>) -> crate::support::Reply {
    let mut body = String::new();
    if let Some(token) = csrf {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"export\"; filename=\"backup.json\"\r\nContent-Type: application/json\r\n\r\n{file}\r\n--{BOUNDARY}--\r\n"
    ));
    let request = client
        .request(Method::POST, "/data/import")
        .header("origin", "http://127.0.0.1:7878")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .unwrap();
    client.send(request).await
}

#[tokio::test]
async fn the_export_and_the_log_download_as_files() {
    let client = Client::new(vec![acme(), globex()]).await;
    let json = client.get("/data/export.json").await;
    assert_eq!(json.status, StatusCode::OK);
    assert_eq!(json.header("content-type"), Some("application/json"));
    assert_eq!(
        json.header("content-disposition"),
        Some("attachment; filename=\"followup-export.json\"")
    );
    let docs: Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 2);
    assert_eq!(docs[0]["handle"], "acme-backend");

    let csv = client.get("/data/log.csv").await;
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(
        csv.body
            .starts_with("date,company,role,contact,event,outcome\r\n")
    );
    assert!(csv.body.contains(",Acme,Backend Engineer,"), "{}", csv.body);
}

#[tokio::test]
async fn an_upload_shows_its_changes_first_and_merges_only_when_confirmed() {
    let client = Client::new(vec![acme(), globex()]).await;
    let mut docs: Value =
        serde_json::from_str(&client.get("/data/export.json").await.body).unwrap();
    docs[0]["role"] = Value::from("Staff Engineer");
    let file = docs.to_string();

    let preview = upload(&client, &file, Some(&client.csrf)).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let html = preview.html();
    assert_eq!(select_text(&html, "h1"), ["Merge this export?"]);
    let changes = select_text(&html, "ul.changes li").join("\n");
    assert!(changes.contains("role"), "{changes}");
    assert!(changes.contains("Staff Engineer"), "{changes}");
    // Nothing written yet.
    let before: Value = serde_json::from_str(&client.get("/data/export.json").await.body).unwrap();
    assert_eq!(before[0]["role"], "Backend Engineer");

    let applied = client
        .post("/data/import/apply", &[("export", file.as_str())])
        .await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    assert_eq!(select_text(&applied.html(), "h1"), ["Merged"]);
    let after: Value = serde_json::from_str(&client.get("/data/export.json").await.body).unwrap();
    assert_eq!(after[0]["role"], "Staff Engineer");
    assert_eq!(after.as_array().unwrap().len(), 2);

    // The same file again changes nothing.
    let again = upload(&client, &file, Some(&client.csrf)).await;
    assert!(
        select_text(&again.html(), "p.empty")
            .join("")
            .starts_with("Nothing new"),
        "{}",
        again.body
    );
}

#[tokio::test]
async fn an_upload_needs_the_csrf_part_and_a_real_export() {
    let client = Client::new(vec![acme()]).await;
    let file = client.get("/data/export.json").await.body;
    assert_eq!(
        upload(&client, &file, None).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        upload(&client, &file, Some("not-the-token")).await.status,
        StatusCode::FORBIDDEN
    );
    let bad = upload(&client, "{\"not\": \"an export\"", Some(&client.csrf)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        select_text(&bad.html(), "p.error")
            .join("")
            .starts_with("Error:")
    );
    let empty = upload(&client, "  ", Some(&client.csrf)).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
}
