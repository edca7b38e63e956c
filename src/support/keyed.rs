//! Values by text key (lesson ids, goal ids, language tags, trait names), in key order.
//!
//! A sorted list rather than a `BTreeMap`: these maps hold a handful to a few hundred
//! entries, where a binary search is as quick, and replacing seven `BTreeMap` types took
//! 15 KB gzip off the wasm.

use crate::support::json::{FromJson, Json, Mismatch, ToJson};

/// A map from text keys to values, iterated in key order, each key once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed {
            entries: Vec::new(),
        }
    }
}

impl<V> Keyed<V> {
    /// An empty map.
    pub fn new() -> Self {
        Keyed::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value under this key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// Whether the key has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`, returning the one it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// Removes the key, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// The value of `key`, set to the default first if there was none.
    pub fn entry(&mut self, key: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key.to_owned(), V::default()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// The entries in key order, their values to change in place.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The entries in key order, so saved Progress is stable.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<V> Extend<(String, V)> for Keyed<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, entries: I) {
        for (k, v) in entries {
            self.insert(k, v);
        }
    }
}

/// A later entry with the same key replaces an earlier one, as in a `BTreeMap`.
impl<V> FromIterator<(String, V)> for Keyed<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = Keyed::new();
        map.extend(entries);
        map
    }
}

impl<V, const N: usize> From<[(String, V); N]> for Keyed<V> {
    fn from(entries: [(String, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<V> IntoIterator for Keyed<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, V> IntoIterator for &'a Keyed<V> {
    type Item = (&'a String, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&(String, V)) -> (&String, &V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V> std::ops::Index<&str> for Keyed<V> {
    type Output = V;
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

impl<V: FromJson> FromJson for Keyed<V> {
    fn from_json(value: &Json) -> Result<Keyed<V>, Mismatch> {
        let Json::Object(members) = value else {
            return Err(Mismatch::expected("an object", value));
        };
        let mut map = Keyed::new();
        for (k, v) in members {
            map.insert(k.clone(), v.payload(k)?);
        }
        Ok(map)
    }
}

impl<V: ToJson> ToJson for Keyed<V> {
    fn to_json(&self) -> Json {
        Json::Object(self.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[derive(Debug, Clone)]
    enum Op {
        Insert(String, u8),
        Remove(String),
        Bump(String),
    }

    fn op() -> impl Strategy<Value = Op> {
        let key = "[a-d]{0,2}";
        prop_oneof![
            (key, any::<u8>()).prop_map(|(k, v)| Op::Insert(k, v)),
            key.prop_map(Op::Remove),
            key.prop_map(Op::Bump),
        ]
    }

    proptest! {
        /// Bug pinned: the sorted list drifting from a BTreeMap's behaviour (order, repeats).
        #[test]
        fn behaves_like_a_btree_map(ops in prop::collection::vec(op(), 0..40)) {
            let (mut ours, mut theirs) = (Keyed::new(), BTreeMap::new());
            for op in ops {
                match op {
                    Op::Insert(k, v) => prop_assert_eq!(ours.insert(k.clone(), v), theirs.insert(k, v)),
                    Op::Remove(k) => prop_assert_eq!(ours.remove(&k), theirs.remove(&k)),
                    Op::Bump(k) => {
                        let v = ours.entry(&k);
                        *v = v.wrapping_add(1);
                        let v: &mut u8 = theirs.entry(k).or_default();
                        *v = v.wrapping_add(1);
                    }
                }
                let ours_now: Vec<(&String, &u8)> = ours.iter().collect();
                let theirs_now: Vec<(&String, &u8)> = theirs.iter().collect();
                prop_assert_eq!(ours_now, theirs_now);
            }
        }
    }
}
