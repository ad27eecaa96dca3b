//! A pseudo-terminal driver for interactive tests: runs a command with a terminal as its
//! stdin, stdout and stderr, reads what it draws, and types keys at it, as a person would.
//!
//! The child becomes a session leader with the pty as its controlling terminal, so `Key::CtrlC`
//! goes through the line discipline and arrives as SIGINT to the foreground process group, the
//! same path a real Ctrl-C takes.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Keys a test can press.
#[derive(Clone, Copy, Debug)]
pub enum Key {
    Enter,
    Up,
    Down,
    Left,
    Right,
    Space,
    Tab,
    Escape,
    Backspace,
    CtrlC,
}

impl Key {
    fn bytes(self) -> &'static [u8] {
        match self {
            Key::Enter => b"\r",
            Key::Up => b"\x1b[A",
            Key::Down => b"\x1b[B",
            Key::Right => b"\x1b[C",
            Key::Left => b"\x1b[D",
            Key::Space => b" ",
            Key::Tab => b"\t",
            Key::Escape => b"\x1b",
            Key::Backspace => b"\x7f",
            Key::CtrlC => b"\x03",
        }
    }
}

/// What the child has written so far, shared with the reader thread.
#[derive(Default)]
struct Screen {
    raw: Vec<u8>,
    closed: bool,
}

/// A command running on a pseudo-terminal.
pub struct Terminal {
    child: Child,
    writer: File,
    screen: Arc<(Mutex<Screen>, Condvar)>,
    /// Offset into the stripped text where the next `expect` starts looking.
    cursor: usize,
}

impl Terminal {
    /// Size of the terminal the child sees.
    pub const COLUMNS: u16 = 120;
    pub const ROWS: u16 = 40;

    /// Start `command` on a fresh pseudo-terminal.
    pub fn spawn(mut command: Command) -> io::Result<Terminal> {
        let (master, slave) = open_pty()?;
        let slave_fd = slave.as_raw_fd();
        command
            .stdin(Stdio::from(slave.try_clone()?))
            .stdout(Stdio::from(slave.try_clone()?))
            .stderr(Stdio::from(slave))
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("CI");
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(move || {
                // A program started from a terminal gets Ctrl-C and Ctrl-\ with their default
                // actions; a test run launched in the background (`cmd &` without job control)
                // ignores both, and a shell started with SIGINT ignored may not trap it.
                for signal in [libc::SIGINT, libc::SIGQUIT] {
                    if libc::signal(signal, libc::SIG_DFL) == libc::SIG_ERR {
                        return Err(io::Error::last_os_error());
                    }
                }
                if libc::setsid() < 0 {
                    return Err(io::Error::last_os_error());
                }
                if libc::ioctl(slave_fd, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn()?;
        drop(command); // closes our copies of the slave, so EOF arrives when the child exits

        let reader = File::from(master.try_clone()?);
        let writer = File::from(master);
        let screen = Arc::new((Mutex::new(Screen::default()), Condvar::new()));
        let shared = screen.clone();
        std::thread::spawn(move || read_until_closed(reader, &shared));
        Ok(Terminal {
            child,
            writer,
            screen,
            cursor: 0,
        })
    }

    /// Wait until `needle` appears in the output (escape sequences stripped) after the previous
    /// match; returns the text from there up to and including the needle. On timeout or exit,
    /// the error holds everything seen, for the assertion message.
    pub fn expect(&mut self, needle: &str, timeout: Duration) -> Result<String, String> {
        let deadline = Instant::now() + timeout;
        let (lock, ready) = &*self.screen;
        let mut screen = lock.lock().unwrap();
        loop {
            let text = strip_escapes(&screen.raw);
            if let Some(found) = text.get(self.cursor..).and_then(|rest| rest.find(needle)) {
                let end = self.cursor + found + needle.len();
                let seen = text[self.cursor..end].to_string();
                self.cursor = end;
                return Ok(seen);
            }
            let now = Instant::now();
            if screen.closed || now >= deadline {
                let why = if screen.closed {
                    "the program exited"
                } else {
                    "timed out"
                };
                return Err(format!(
                    "{why} waiting for {needle:?}; the terminal showed:\n{text}"
                ));
            }
            screen = ready.wait_timeout(screen, deadline - now).unwrap().0;
        }
    }

    /// Type `text`.
    pub fn send(&mut self, text: &str) {
        self.write(text.as_bytes());
    }

    /// Press `key`.
    pub fn key(&mut self, key: Key) {
        self.write(key.bytes());
    }

    fn write(&mut self, bytes: &[u8]) {
        // Prompt libraries read key by key; a short pause between writes keeps escape
        // sequences from being split or merged across reads.
        self.writer.write_all(bytes).expect("write to the terminal");
        self.writer.flush().expect("flush the terminal");
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Everything the program has shown so far, escape sequences stripped.
    pub fn transcript(&self) -> String {
        strip_escapes(&self.screen.0.lock().unwrap().raw)
    }

    /// Wait for the program to exit; returns its status and the output after the last match.
    /// A program still running at the timeout is killed and reported as an error.
    pub fn wait(mut self, timeout: Duration) -> Result<(ExitStatus, String), String> {
        let deadline = Instant::now() + timeout;
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                Ok(None) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    return Err(format!(
                        "the program did not exit within {timeout:?}; the terminal showed:\n{}",
                        self.transcript()
                    ));
                }
                Err(error) => return Err(format!("waiting for the program: {error}")),
            }
        };
        // The reader sees EOF once every holder of the slave side (grandchildren too) is gone.
        let (lock, ready) = &*self.screen;
        let mut screen = lock.lock().unwrap();
        let drain_deadline = Instant::now() + Duration::from_secs(5);
        while !screen.closed && Instant::now() < drain_deadline {
            screen = ready
                .wait_timeout(screen, Duration::from_millis(100))
                .unwrap()
                .0;
        }
        let text = strip_escapes(&screen.raw);
        let rest = text.get(self.cursor..).unwrap_or_default().to_string();
        Ok((status, rest))
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn open_pty() -> io::Result<(OwnedFd, File)> {
    let mut master = 0;
    let mut slave = 0;
    let size = libc::winsize {
        ws_row: Terminal::ROWS,
        ws_col: Terminal::COLUMNS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors we then own; the name buffer is not used.
    let result = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    if result != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just opened by openpty and are owned by nobody else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), File::from_raw_fd(slave)) };
    for fd in [master.as_raw_fd(), slave.as_raw_fd()] {
        // SAFETY: plain fcntl on descriptors we own.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            libc::fcntl(fd, libc::F_SETFD, flags | libc::FD_CLOEXEC);
        }
    }
    Ok((master, slave))
}

fn read_until_closed(mut reader: File, screen: &(Mutex<Screen>, Condvar)) {
    let mut buffer = [0u8; 8192];
    let mut quiet_reads = 0;
    loop {
        // Linux reports EIO on the master once the last slave descriptor closes, and can do so
        // before the kernel has moved the program's last writes across: read on for a moment
        // so a final message is not lost.
        let read = match reader.read(&mut buffer) {
            Ok(n) if n > 0 => {
                quiet_reads = 0;
                n
            }
            _ if quiet_reads < 10 => {
                quiet_reads += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
                continue;
            }
            _ => break,
        };
        let (lock, ready) = screen;
        lock.lock().unwrap().raw.extend_from_slice(&buffer[..read]);
        ready.notify_all();
    }
    let (lock, ready) = screen;
    lock.lock().unwrap().closed = true;
    ready.notify_all();
}

/// The text a terminal shows, minus colour, cursor movement and carriage returns.
pub fn strip_escapes(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte in @..~
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC: up to BEL or ST (ESC \)
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                // Two-byte sequences (ESC 7, ESC =, charset selection takes one more)
                Some('(' | ')') => {
                    chars.next();
                }
                _ => {}
            },
            '\r' | '\x07' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_colours_cursor_moves_and_titles() {
        let raw = b"\x1b[1;32m? \x1b[0mPick\x1b[2K\r\n\x1b]0;title\x07done\x1b(B";
        assert_eq!(strip_escapes(raw), "? Pick\ndone");
    }

    #[test]
    fn a_shell_sees_a_terminal_and_ctrl_c_interrupts_it() {
        let mut command = Command::new("/bin/sh");
        command.args([
            "-c",
            "if [ -t 0 ] && [ -t 1 ]; then echo on-a-tty; fi; \
             stty size; trap 'echo got-sigint; exit 7' INT; echo ready; \
             read line; echo \"typed:$line\"; while :; do sleep 0.05; done",
        ]);
        let mut term = Terminal::spawn(command).unwrap();
        term.expect("on-a-tty", Duration::from_secs(10)).unwrap();
        term.expect("40 120", Duration::from_secs(10)).unwrap();
        term.expect("ready", Duration::from_secs(10)).unwrap();
        term.send("hello");
        term.key(Key::Enter);
        term.expect("typed:hello", Duration::from_secs(10)).unwrap();
        term.key(Key::CtrlC);
        term.expect("got-sigint", Duration::from_secs(10)).unwrap();
        let (status, _) = term.wait(Duration::from_secs(10)).unwrap();
        assert_eq!(status.code(), Some(7));
    }

    #[test]
    fn expect_reports_what_was_shown_when_the_text_never_comes() {
        let mut command = Command::new("/bin/sh");
        command.args(["-c", "echo something-else"]);
        let mut term = Terminal::spawn(command).unwrap();
        let error = term.expect("never", Duration::from_secs(10)).unwrap_err();
        assert!(error.contains("something-else"), "{error}");
    }
}
