"""Which newsroom the app works on, and as whom: connecting to a newsroom server (its
address, the login, the password), opening a local newsroom file, and showing both in
the window's title and status bar."""
