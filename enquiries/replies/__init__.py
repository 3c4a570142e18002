"""Officers' replies to investors, the signed thread page and the investor's rating."""
