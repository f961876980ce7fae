//! Cursor pagination for HubSpot's list operations: fetch a page, follow `paging.next.after`,
//! stop after the last page. Pages are fetched lazily, one at a time, so memory does not grow
//! with the number of items. The streams own what they need (the builder holds its own client),
//! so they are `Send + 'static` and can move into `tokio::spawn`.

use std::collections::HashSet;
use std::future::Future;

use futures::stream::{self, Stream, TryStreamExt};

use super::Error;

enum State<B> {
    /// The page at this cursor is next; the set holds every cursor followed so far.
    Next(B, Option<String>, HashSet<String>),
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
) -> impl Stream<Item = Result<P, Error>> + Send + Unpin + 'static
where
    B: Clone + Send + 'static,
    P: Send + 'static,
    F: FnMut(B, Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P, Error>> + Send + 'static,
{
    stream::try_unfold(State::Next(builder, None, HashSet::new()), move |state| {
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
            seen.extend(cursor);
            let state = match next_cursor(&page) {
                Some(next) if next.is_empty() => State::Done,
                Some(next) if seen.contains(&next) => State::Repeated(next),
                Some(next) => State::Next(builder, Some(next), seen),
                None => State::Done,
            };
            Ok(Some((page, state)))
        })
    })
}

/// Every item of every page, in order.
pub fn items<P, T>(
    pages: impl Stream<Item = Result<P, Error>> + Send + Unpin + 'static,
    results: fn(P) -> Vec<T>,
) -> impl Stream<Item = Result<T, Error>> + Send + Unpin + 'static
where
    P: Send + 'static,
    T: Send + 'static,
{
    pages
        .map_ok(move |page| stream::iter(results(page).into_iter().map(Ok)))
        .try_flatten()
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
