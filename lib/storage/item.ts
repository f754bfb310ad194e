/** A typed storage item, as `storage.defineItem` makes them; fakes in tests implement it too. */
export interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}
