//! JSON read into a [`Value`] that refuses a key given twice in one object.
//!
//! `serde_json` keeps the last of two equal keys without a word, so `{"at": A, "at": B}` would
//! silently lose `A` (issue 9, item 9). [`UniqueValue`] builds the same `Value` while it reads,
//! and fails on the second occurrence with the key's JSON path (`events[2].at`), so the error
//! names the place.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Separates the path from the rest of a duplicate-key error's message, so
/// [`duplicate_path`] can find it again after `serde_json` adds its position.
const MARK: &str = ": this key appears twice in one object";

/// A JSON value whose objects have no repeated key. Deserialize it where a [`Value`] would be.
#[derive(Debug)]
pub struct UniqueValue(pub Value);

impl<'de> serde::Deserialize<'de> for UniqueValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        At(String::new()).deserialize(deserializer).map(UniqueValue)
    }
}

/// The JSON path a duplicate-key error names, if `message` is one.
pub fn duplicate_path(message: &str) -> Option<&str> {
    message.find(MARK).map(|end| &message[..end])
}

/// Reads the value found at a JSON path (the path is kept for the error).
struct At(String);

impl At {
    fn key(&self, key: &str) -> At {
        if self.0.is_empty() {
            At(key.to_owned())
        } else {
            At(format!("{}.{key}", self.0))
        }
    }
}

impl<'de> DeserializeSeed<'de> for At {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for At {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(At(format!("{}[{}]", self.0, items.len())))? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = self.key(&key);
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("{}{MARK}", at.0)));
            }
            let value = map.next_value_seed(at)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Value, String> {
        serde_json::from_str::<UniqueValue>(text)
            .map(|v| v.0)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn item9_a_repeated_key_names_its_path() {
        let err = read(r#"{"events":[{"at":"x"},{"at":"a","at":"b"}]}"#).unwrap_err();
        assert_eq!(duplicate_path(&err), Some("events[1].at"), "{err}");
        let err = read(r#"{"company":"A","company":"B"}"#).unwrap_err();
        assert_eq!(duplicate_path(&err), Some("company"), "{err}");
    }

    #[test]
    fn values_without_repeats_read_as_serde_json_reads_them() {
        let text = r#"{"a":[1,-2,3.5,true,null,"s",{"b":{}}],"c":{"a":1}}"#;
        assert_eq!(
            read(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }
}
