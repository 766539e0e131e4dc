/**
 * An inverted index held only in memory: for each folded word, the documents (numbered from 0
 * in the order they were added) that contain it. Words are also kept sorted, so every word a
 * prefix begins is one binary search away. Nothing here is ever written to disk.
 */

export class WordPostings {
  private readonly postings = new Map<string, number[]>()
  private sortedWords: string[] = []
  /** Words added since the sorted list was last made whole. */
  private unsortedWords: string[] = []

  get wordCount(): number {
    return this.postings.size
  }

  /** Adds one document's distinct words; documents must be added in increasing order. */
  add(document: number, words: readonly string[]): void {
    for (const word of words) {
      const list = this.postings.get(word)
      if (list) {
        if (list[list.length - 1] !== document) list.push(document)
      } else {
        this.postings.set(word, [document])
        this.unsortedWords.push(word)
      }
    }
  }

  private settleWords(): void {
    if (this.unsortedWords.length === 0) return
    if (this.unsortedWords.length < 64) {
      // A few new words (a message arrived): insert them in place.
      for (const word of this.unsortedWords) {
        this.sortedWords.splice(lowerBound(this.sortedWords, word), 0, word)
      }
    } else {
      this.sortedWords = [...this.postings.keys()].sort()
    }
    this.unsortedWords = []
  }

  /** The posting lists of every word that begins with `prefix`. */
  listsFor(prefix: string): number[][] {
    this.settleWords()
    const lists: number[][] = []
    for (let at = lowerBound(this.sortedWords, prefix); at < this.sortedWords.length; at++) {
      const word = this.sortedWords[at]!
      if (!word.startsWith(prefix)) break
      lists.push(this.postings.get(word)!)
    }
    return lists
  }

  /**
   * The documents that have, for every prefix, a word it begins (AND of prefixes, OR of the
   * words within one prefix), in no particular order. `documentCount` bounds the numbers.
   */
  match(prefixes: readonly string[], documentCount: number): number[] {
    if (prefixes.length === 0 || documentCount === 0) return []
    const perPrefix = prefixes.map((prefix) => this.listsFor(prefix))
    const sizes = perPrefix.map((lists) => lists.reduce((total, list) => total + list.length, 0))
    if (sizes.some((size) => size === 0)) return []
    // Rarest prefix first: later prefixes only keep documents already counted.
    const order = perPrefix.map((_, index) => index).sort((a, b) => sizes[a]! - sizes[b]!)
    const seen = new Uint8Array(documentCount)
    let step = 0
    for (const index of order) {
      for (const list of perPrefix[index]!) {
        for (const document of list) {
          if (seen[document] === step) seen[document] = step + 1
        }
      }
      step++
    }
    const matched: number[] = []
    for (const list of perPrefix[order[order.length - 1]!]!) {
      for (const document of list) {
        if (seen[document] === step) {
          matched.push(document)
          // Counted once even when two of its words begin with the same prefix.
          seen[document] = 0
        }
      }
    }
    return matched
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}
