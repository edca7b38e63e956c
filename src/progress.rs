//! Progress: what this learner has done, kept per user and per pack.
