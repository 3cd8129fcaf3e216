"""Team sync on the laptop: each shared account mirrored to a pycrdt document (no Qt here)."""
