//! Cursor pagination for HubSpot's list operations: fetch a page, follow `paging.next.after`,
//! stop after the last page, or after [`Pages::max_pages`]. Pages are fetched lazily, one at a
//! time, so memory does not grow with the number of items. The streams ([`Pages`], [`Items`])
//! own what they need (the builder holds its own client), so they are `Send + 'static` and can
//! move into `tokio::spawn`.

use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::hash::{BuildHasher, RandomState};
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use futures::stream::{self, Stream, StreamExt, TryStreamExt};

use super::Error;

/// Every page of a paged list, fetched lazily one at a time (what a list builder's `pages()`
/// returns): a [`Stream`] of `Result<P, Error>`. An error ends it.
#[must_use = "streams do nothing unless polled"]
pub struct Pages<P> {
    inner: Pin<Box<dyn Stream<Item = Result<P, Error>> + Send>>,
    /// How many more pages may be fetched, when capped.
    left: Option<u64>,
}

impl<P> Pages<P> {
    /// At most `max` more pages: after them the stream ends cleanly, with no error and no
    /// further request, as if the list ended there. `0` fetches nothing.
    pub fn max_pages(mut self, max: u64) -> Self {
        self.left = Some(max);
        self
    }
}

impl<P> Stream for Pages<P> {
    type Item = Result<P, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.left == Some(0) {
            return Poll::Ready(None);
        }
        let next = ready!(self.inner.as_mut().poll_next(cx));
        if let (Some(Ok(_)), Some(left)) = (&next, &mut self.left) {
            *left -= 1;
        }
        Poll::Ready(next)
    }
}

impl<P> fmt::Debug for Pages<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("max_pages_left", &self.left)
            .finish_non_exhaustive()
    }
}

/// Every item of every page, in order, fetched lazily page by page (what a list builder's
/// `into_stream()` returns): a [`Stream`] of `Result<T, Error>`. An error ends it.
#[must_use = "streams do nothing unless polled"]
pub struct Items<T> {
    pages: Pages<Vec<T>>,
    /// The rest of the current page.
    current: std::vec::IntoIter<T>,
}

impl<T> Items<T> {
    /// The items of at most `max` more pages: after them the stream ends cleanly, with no error
    /// and no further request. `0` fetches nothing.
    pub fn max_pages(mut self, max: u64) -> Self {
        self.pages = self.pages.max_pages(max);
        self
    }
}

// Never pinned structurally: the items are moved out of the vector, not polled in place.
impl<T> Unpin for Items<T> {}

impl<T> Stream for Items<T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if let Some(item) = self.current.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(self.pages.poll_next_unpin(cx)) {
                Some(Ok(page)) => self.current = page.into_iter(),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                None => return Poll::Ready(None),
            }
        }
    }
}

impl<T> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("left_in_page", &self.current.len())
            .finish()
    }
}

/// The cursors a stream has followed, kept as 64-bit hashes (keyed per stream) so memory grows
/// by a few bytes per page, not by the cursors' lengths. Two distinct cursors share a hash with a
/// chance of about one in 2⁶⁴ per pair.
struct Seen {
    hasher: RandomState,
    hashes: HashSet<u64>,
}

impl Seen {
    fn new() -> Self {
        Seen {
            hasher: RandomState::new(),
            hashes: HashSet::new(),
        }
    }

    /// Records `cursor`.
    fn insert(&mut self, cursor: &str) {
        self.hashes.insert(self.hasher.hash_one(cursor));
    }

    /// Whether `cursor` was recorded before.
    fn contains(&self, cursor: &str) -> bool {
        self.hashes.contains(&self.hasher.hash_one(cursor))
    }
}

enum State<B> {
    /// The page at this cursor is next, with every cursor followed so far.
    Next(B, Option<String>, Seen),
    /// HubSpot returned this cursor a second time.
    Repeated(String),
    Done,
}

/// Every page, starting from `builder`: `fetch(builder, cursor)` loads one page (`None`: the
/// builder's own cursor), `next_cursor` reads the cursor of the page after it. An empty cursor
/// ends the stream; a cursor seen before ends it with [`Error::RepeatedCursor`] after the page
/// that returned it, rather than loop for ever.
pub fn pages<B, P, F, Fut>(
    builder: B,
    mut fetch: F,
    next_cursor: fn(&P) -> Option<String>,
) -> Pages<P>
where
    B: Clone + Send + 'static,
    P: Send + 'static,
    F: FnMut(B, Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, Error>> + Send + 'static,
{
    let pages = stream::try_unfold(State::Next(builder, None, Seen::new()), move |state| {
        let fetching = match state {
            State::Next(builder, cursor, seen) => {
                let page = fetch(builder.clone(), cursor.clone());
                Ok(Some((builder, cursor, seen, page)))
            }
            State::Repeated(cursor) => Err(Error::RepeatedCursor { cursor }),
            State::Done => Ok(None),
        };
        // Boxed so the stream is `Unpin`: callers can `.next().await` without pinning it.
        Box::pin(async move {
            let Some((builder, cursor, mut seen, page)) = fetching? else {
                return Ok(None);
            };
            let page = page.await?;
            if let Some(cursor) = &cursor {
                seen.insert(cursor);
            }
            let state = match next_cursor(&page) {
                Some(next) if next.is_empty() => State::Done,
                Some(next) if seen.contains(&next) => State::Repeated(next),
                Some(next) => State::Next(builder, Some(next), seen),
                None => State::Done,
            };
            Ok(Some((page, state)))
        })
    });
    Pages {
        inner: Box::pin(pages),
        left: None,
    }
}

/// Every item of every page of `pages`, in order; `results` takes a page's items. The cap of
/// `pages`, if any, carries over.
pub fn items<P, T>(pages: Pages<P>, results: fn(P) -> Vec<T>) -> Items<T>
where
    P: Send + 'static,
    T: Send + 'static,
{
    Items {
        pages: Pages {
            inner: Box::pin(pages.inner.map_ok(results)),
            left: pages.left,
        },
        current: Vec::new().into_iter(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;

    #[derive(Clone)]
    struct Builder;

    struct Page {
        items: Vec<u32>,
        next: Option<String>,
    }

    async fn fetch(_: Builder, cursor: Option<String>) -> Result<Page, Error> {
        let n: u32 = cursor.as_deref().map_or(0, |c| c.parse().unwrap());
        Ok(Page {
            items: vec![n * 10, n * 10 + 1],
            next: (n < 2).then(|| (n + 1).to_string()),
        })
    }

    #[tokio::test]
    async fn follows_cursors_until_the_last_page() {
        let all: Vec<u32> = items(pages(Builder, fetch, |p: &Page| p.next.clone()), |p| {
            p.items
        })
        .try_collect()
        .await
        .unwrap();
        assert_eq!(all, [0, 1, 10, 11, 20, 21]);
    }

    #[tokio::test]
    async fn max_pages_ends_the_stream_cleanly_without_fetching_more() {
        let fetched = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counting = |fetched: std::sync::Arc<std::sync::atomic::AtomicUsize>| {
            move |builder: Builder, cursor: Option<String>| {
                fetched.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                fetch(builder, cursor)
            }
        };
        let next = |p: &Page| p.next.clone();
        for (max, expected) in [(0, &[][..]), (1, &[0, 1][..]), (2, &[0, 1, 10, 11][..])] {
            fetched.store(0, std::sync::atomic::Ordering::SeqCst);
            let capped = items(pages(Builder, counting(fetched.clone()), next), |p| p.items);
            let all: Vec<u32> = capped.max_pages(max).try_collect().await.unwrap();
            assert_eq!(all, expected);
            assert_eq!(
                fetched.load(std::sync::atomic::Ordering::SeqCst),
                max as usize
            );
        }
        // A cap beyond the last page changes nothing; on `pages` it counts pages.
        let all: Vec<u32> = items(pages(Builder, fetch, next).max_pages(99), |p| p.items)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(all, [0, 1, 10, 11, 20, 21]);
        let two: Vec<Page> = pages(Builder, fetch, next)
            .max_pages(2)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(two.len(), 2);
    }

    #[tokio::test]
    async fn a_cap_reached_before_a_repeated_cursor_ends_cleanly() {
        let stuck = |_: Builder, _: Option<String>| async {
            Ok(Page {
                items: vec![1],
                next: Some("same".into()),
            })
        };
        let capped = pages(Builder, stuck, |p: &Page| p.next.clone()).max_pages(2);
        let outcomes: Vec<bool> = capped.map(|page| page.is_ok()).collect().await;
        assert_eq!(outcomes, [true, true]);
    }

    #[tokio::test]
    async fn a_repeated_cursor_ends_the_stream() {
        let stuck = |_: Builder, _: Option<String>| async {
            Ok(Page {
                items: vec![1],
                next: Some("same".into()),
            })
        };
        let outcomes: Vec<bool> = pages(Builder, stuck, |p: &Page| p.next.clone())
            .map(|page| page.is_ok())
            .collect()
            .await;
        // The first page, the page at `same`, then the error for `same` again.
        assert_eq!(outcomes, [true, true, false]);
    }

    #[tokio::test]
    async fn any_cursor_seen_before_ends_the_stream_with_an_error() {
        // 0 → 1 → 2 → 1: the cycle is caught when it closes, not only when it stutters.
        let cycling = |_: Builder, cursor: Option<String>| async move {
            let n: u32 = cursor.as_deref().map_or(0, |c| c.parse().unwrap());
            Ok(Page {
                items: vec![n],
                next: Some(if n == 2 { 1 } else { n + 1 }.to_string()),
            })
        };
        let all: Vec<Result<Page, Error>> = pages(Builder, cycling, |p: &Page| p.next.clone())
            .collect()
            .await;
        let items: Vec<u32> = all.iter().flatten().flat_map(|p| p.items.clone()).collect();
        assert_eq!(items, [0, 1, 2]);
        let error = all.last().unwrap().as_ref().err().unwrap();
        assert!(matches!(error, Error::RepeatedCursor { cursor } if cursor == "1"));
    }
}
