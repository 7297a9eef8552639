/** Mini-programs are never at desk width: the phone layout, without the media-query code. */
export function useWideScreen(): boolean {
  return false;
}
