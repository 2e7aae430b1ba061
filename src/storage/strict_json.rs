//! JSON text to a [`Value`], refusing an object that names a field twice. serde_json keeps the last of
//! two equal keys without a word, so `{"format": "council-pmf-workspace", "format": 1}` would be read as a
//! file whose format is 1; a file that says two things about one field is refused instead, with where.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Parses `text` as one JSON value. Duplicate field names are an error at the second one's position.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Strict.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// Any JSON value, with every object's field names checked for repeats.
struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(Strict)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(Strict)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "the field \"{key}\" is written twice in one object, so which value is meant is unclear"
                )));
            }
            let value = map.next_value_seed(Strict)?;
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, -2, 2.5, true, null, "x"], "b": {"c": 18446744073709551615}}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        assert_eq!(
            parse(text).unwrap()["a"],
            json!([1, -2, 2.5, true, null, "x"])
        );
    }

    #[test]
    fn a_field_named_twice_is_refused_where_the_second_is() {
        let error =
            parse("{\n  \"format\": \"council-pmf-workspace\",\n  \"format\": 1\n}").unwrap_err();
        // Line 3 is `  "format": 1`: the second key's closing quote is at column 10, where it was read.
        assert_eq!(
            error.to_string(),
            "the field \"format\" is written twice in one object, so which value is meant is unclear at line 3 column 10"
        );
        assert!(parse(r#"{"a": {"b": 1, "b": 2}}"#).is_err(), "at any depth");
        assert!(
            parse(r#"[{"b": 1}, {"b": 2}]"#).is_ok(),
            "the same name in two objects is fine"
        );
    }

    #[test]
    fn text_after_the_value_is_refused() {
        assert!(parse("{} {}").is_err());
    }
}
