//! User-facing errors: one line naming the problem, one line with a hint. The binary prints
//! them and exits with code 2; the web app will show them beside the form field.

/// Bad usage or input: the message names the field or line, the hint says what to do.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct UserError {
    message: String,
    hint: String,
}

impl UserError {
    /// A user error with a hint.
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        UserError {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// What went wrong, in one line.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What to do about it, in one line.
    pub fn hint(&self) -> &str {
        &self.hint
    }
}

impl From<followup_core::process::limits::LimitError> for UserError {
    fn from(err: followup_core::process::limits::LimitError) -> Self {
        UserError::new(
            err.to_string(),
            "shorten it, and keep names and subjects on one line without control characters",
        )
    }
}
