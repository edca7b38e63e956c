//! Ranking: which eligible lessons to suggest first, and why.
