/*
 * ps-decoder: a resident PocketSphinx decoder for Mockroom (libs/speech).
 *
 * Loads the acoustic model, language model and dictionary once, then serves
 * requests on stdin, answering each with exactly one JSON line on stdout.
 * Log output goes wherever -logfn says (the caller passes /dev/null).
 *
 * Usage: ps-decoder -hmm DIR -lm FILE -dict FILE [any other pocketsphinx option]
 *
 * On start-up, after the models are loaded:        {"ready":true,"frate":100}
 *
 * Requests (one ASCII line, then the payload if any):
 *   UTT <nbytes>\n<nbytes of raw 16 kHz mono signed 16-bit little-endian PCM>
 *       -> {"text":"...","words":[{"w":"word","s":startFrame,"e":endFrame},...],"frames":N}
 *          Fillers and silences (<s>, </s>, <sil>, [NOISE], ...) are left out and
 *          alternate-pronunciation suffixes ("read(2)") are stripped.
 *   HINTS <n> <weight> <arpa-path or ->\n followed by n lines "<word> <PHONE> <PHONE> ..."
 *       -> {"added":["w",...],"known":["w",...],"failed":["w",...],"hints":true|false}
 *          Adds the listed words that the dictionary lacks ("word(2)" adds an alternate
 *          pronunciation of a word added before it) and decodes from now on with the stock
 *          language model combined with the ARPA model at <arpa-path> (the rest of the line;
 *          <weight>, 0 < weight < 1, is passed on as its interpolation weight), or with the
 *          stock model alone for "-". Added words stay for the life of the process. See the
 *          comment above set_hints() for why it works this way.
 *   BEGIN\n -> {"ok":true}                           starts a streamed utterance
 *   FEED <nbytes>\n<PCM as for UTT> -> {"ok":true,"frames":N,"hyp":"words so far"}   decodes it as
 *       it comes ("hyp" once decoding has begun: see estimate_cmn)
 *   END\n -> the same reply as UTT                    ends the streamed utterance
 *       (see stream_begin for how a streamed utterance differs from UTT)
 *   PING\n -> {"pong":true}
 *   QUIT\n -> exits 0
 * A bad utterance or unknown request gets {"error":"..."}; a malformed HINTS request or an
 * unreadable stream ends the process (exit codes 1, 4, 5), and the caller starts a new one.
 *
 * Every utterance starts from the same state (see decode_utterance), so a result does not
 * depend on what the decoder heard before.
 */
#include <pocketsphinx.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/feat.h>
#include <sphinxbase/fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define LINE_MAX_LEN 8192
#define MAX_UTT_BYTES (16000 * 2 * 60 * 10) /* 10 minutes */

static void json_string(FILE *out, const char *s, size_t n) {
    size_t i;
    fputc('"', out);
    for (i = 0; i < n && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            fputc('\\', out);
            fputc(c, out);
        } else if (c < 0x20) {
            fprintf(out, "\\u%04x", c);
        } else {
            fputc(c, out);
        }
    }
    fputc('"', out);
}

static void reply_error(const char *message) {
    fputs("{\"error\":", stdout);
    json_string(stdout, message, strlen(message));
    fputs("}\n", stdout);
    fflush(stdout);
}

/* Fillers and silences: <s>, </s>, <sil>, [NOISE], [SPEECH], ++GARBAGE++, NULL. */
static int is_filler(const char *w) {
    return w == NULL || w[0] == '\0' || w[0] == '<' || w[0] == '[' || w[0] == '+' || strcmp(w, "NULL") == 0;
}

/* Length of the word without an alternate-pronunciation suffix such as "(2)". */
static size_t base_length(const char *w) {
    size_t n = strlen(w);
    if (n > 2 && w[n - 1] == ')') {
        size_t i = n - 2;
        while (i > 0 && isdigit((unsigned char)w[i])) i--;
        if (i > 0 && i < n - 2 && w[i] == '(') return i;
    }
    return n;
}

static int read_exact(void *buf, size_t n) {
    return fread(buf, 1, n, stdin) == n;
}

static void discard(size_t n) {
    char scratch[4096];
    while (n > 0) {
        size_t k = n < sizeof scratch ? n : sizeof scratch;
        if (!read_exact(scratch, k)) exit(1);
        n -= k;
    }
}

static void print_result(ps_decoder_t *ps);

/* A hypothesis string as a JSON string of its real words: fillers dropped, "(2)" suffixes stripped. */
static void print_words(const char *hyp) {
    int first = 1;
    fputc('"', stdout);
    while (hyp != NULL && *hyp) {
        const char *start;
        size_t n, i, len;
        while (*hyp == ' ') hyp++;
        start = hyp;
        while (*hyp && *hyp != ' ') hyp++;
        n = (size_t)(hyp - start);
        if (n == 0) break;
        {
            char word[256];
            len = n < sizeof word - 1 ? n : sizeof word - 1;
            memcpy(word, start, len);
            word[len] = '\0';
            if (is_filler(word)) continue;
            len = base_length(word);
            if (!first) fputc(' ', stdout);
            for (i = 0; i < len; i++) {
                unsigned char c = (unsigned char)word[i];
                if (c == '"' || c == '\\') { fputc('\\', stdout); fputc(c, stdout); }
                else if (c < 0x20) fprintf(stdout, "\\u%04x", c);
                else fputc(c, stdout);
            }
            first = 0;
        }
    }
    fputc('"', stdout);
}
static int start_utterance(ps_decoder_t *ps, const int16 *samples, size_t n);

/* Reads a request's PCM payload. A bad length or no memory: the payload is skipped, the error
 * replied, and NULL returned. */
static int16 *read_samples(size_t nbytes) {
    int16 *samples;
    if (nbytes % 2 != 0 || nbytes > MAX_UTT_BYTES) {
        discard(nbytes);
        reply_error("audio must be an even number of bytes and at most 10 minutes");
        return NULL;
    }
    samples = malloc(nbytes > 0 ? nbytes : 2);
    if (samples == NULL) {
        discard(nbytes);
        reply_error("out of memory");
        return NULL;
    }
    if (!read_exact(samples, nbytes)) exit(1); /* the caller went away */
    return samples;
}

static void decode_utterance(ps_decoder_t *ps, size_t nbytes) {
    int16 *samples = read_samples(nbytes);
    if (samples == NULL) return;
    /* Decoded exactly like a stream (see stream_begin): this library version corrupts memory when
     * whole-utterance processing (full_utt = TRUE, batch normalisation) and live processing are
     * mixed in one decoder (valgrind: invalid reads and writes in cmn_live); estimate_cmn gives
     * live mode the mean batch mode would use. The protocol is little-endian; this program is built on the host
     * that runs it. */
    if (!start_utterance(ps, samples, nbytes / 2)) {
        free(samples);
        reply_error("ps_start_utt failed");
        return;
    }
    ps_process_raw(ps, samples, nbytes / 2, FALSE, FALSE);
    ps_end_utt(ps);
    free(samples);
    print_result(ps);
}

/* The result of the utterance just ended, as one JSON line. */
static void print_result(ps_decoder_t *ps) {
    ps_seg_t *seg;
    int first = 1;

    /* Text and words both come from the segment iterator, so they always agree. */
    fputs("{\"text\":\"", stdout);
    for (seg = ps_seg_iter(ps); seg != NULL; seg = ps_seg_next(seg)) {
        const char *w = ps_seg_word(seg);
        if (is_filler(w)) continue;
        if (!first) fputc(' ', stdout);
        /* json_string adds quotes; write the body by hand here to build one string. */
        {
            size_t i, n = base_length(w);
            for (i = 0; i < n; i++) {
                unsigned char c = (unsigned char)w[i];
                if (c == '"' || c == '\\') { fputc('\\', stdout); fputc(c, stdout); }
                else if (c < 0x20) fprintf(stdout, "\\u%04x", c);
                else fputc(c, stdout);
            }
        }
        first = 0;
    }
    fputs("\",\"words\":[", stdout);
    first = 1;
    for (seg = ps_seg_iter(ps); seg != NULL; seg = ps_seg_next(seg)) {
        const char *w = ps_seg_word(seg);
        int sf, ef;
        if (is_filler(w)) continue;
        ps_seg_frames(seg, &sf, &ef);
        if (!first) fputc(',', stdout);
        fputs("{\"w\":", stdout);
        json_string(stdout, w, base_length(w));
        fprintf(stdout, ",\"s\":%d,\"e\":%d}", sf, ef);
        first = 0;
    }
    fprintf(stdout, "],\"frames\":%d}\n", ps_get_n_frames(ps));
    fflush(stdout);
}

/*
 * Streaming: BEGIN, then FEED as the audio arrives, then END. The search runs while the audio is
 * fed (after the first 1.5 s, see estimate_cmn), so at END only the last piece remains. Streamed
 * or whole (UTT), an utterance is decoded the same way.
 */
static int in_stream = 0;
static long streamed_samples = 0;
/* The model's initial cepstral mean (-cmninit), for dimensions the estimate does not cover. */
static mfcc_t *initial_cmn = NULL;

static void remember_initial_cmn(ps_decoder_t *ps) {
    cmn_t *cmn = ps_get_feat(ps)->cmn_struct;
    if (cmn == NULL) return;
    initial_cmn = calloc(cmn->veclen, sizeof(mfcc_t));
    if (initial_cmn != NULL) cmn_live_get(cmn, initial_cmn);
}

/*
 * Cepstral mean normalisation. Decoding runs in live mode (see decode_utterance), where the mean
 * is estimated as frames arrive, starting from a given value. Starting from the model's initial
 * value, or from whatever the decoder heard before (another speaker, another microphone), costs
 * accuracy, most of all on short utterances; so each utterance starts from the mean of its own
 * first cmn_estimate_samples (all of it when shorter), and the live estimate follows the speaker
 * from there. A streamed utterance is decoded (and its partial hypotheses read) only from then on,
 * so this is also how long its first words take to appear. 0.5 s decodes as accurately as 1.5 s
 * did (stt bench --streamed: WER 0.355 vs 0.357 on flite answers) with words a second sooner;
 * MOCKROOM_PS_CMN_MS sets it (100-10000).
 */
static size_t cmn_estimate_samples = 16000 / 2;

static void estimate_cmn(ps_decoder_t *ps, const int16 *samples, size_t n) {
    fe_t *fe = ps_get_fe(ps);
    cmn_t *cmn = ps_get_feat(ps)->cmn_struct;
    mfcc_t **cep = NULL;
    mfcc_t *mean;
    int32 nframes = 0, i, j, width;
    if (cmn == NULL) return;
    if (initial_cmn != NULL) cmn_live_set(cmn, initial_cmn);
    if (fe == NULL || n == 0) return;
    fe_start_utt(fe);
    if (fe_process_utt(fe, samples, n, &cep, &nframes) < 0 || cep == NULL || nframes <= 0) {
        if (cep != NULL) fe_free_2d(cep);
        return;
    }
    width = fe_get_output_size(fe) < cmn->veclen ? fe_get_output_size(fe) : cmn->veclen;
    mean = calloc(cmn->veclen, sizeof(mfcc_t));
    if (mean != NULL) {
        if (initial_cmn != NULL) memcpy(mean, initial_cmn, cmn->veclen * sizeof(mfcc_t));
        for (j = 0; j < width; j++) {
            double sum = 0;
            for (i = 0; i < nframes; i++) sum += cep[i][j];
            mean[j] = (mfcc_t)(sum / nframes);
        }
        cmn_live_set(cmn, mean);
        free(mean);
    }
    fe_free_2d(cep);
}

/* Starts an utterance (a new stream: word frames count from its start) normalised from `samples`. */
static int start_utterance(ps_decoder_t *ps, const int16 *samples, size_t n) {
    estimate_cmn(ps, samples, n);
    ps_start_stream(ps);
    return ps_start_utt(ps) >= 0;
}

/* A stream holds its first samples until there are enough to estimate the mean from. */
static int utt_started = 0;
static int16 *pending = NULL;
static size_t pending_n = 0, pending_cap = 0;

static int start_pending(ps_decoder_t *ps) {
    int ok = start_utterance(ps, pending, pending_n);
    if (ok && pending_n > 0) ps_process_raw(ps, pending, pending_n, FALSE, FALSE);
    pending_n = 0;
    utt_started = ok;
    return ok;
}

static void stream_begin(ps_decoder_t *ps) {
    if (in_stream && utt_started) ps_end_utt(ps);
    in_stream = 1;
    utt_started = 0;
    pending_n = 0;
    streamed_samples = 0;
    fputs("{\"ok\":true}\n", stdout);
    fflush(stdout);
}

static void stream_feed(ps_decoder_t *ps, size_t nbytes) {
    int16 *samples = read_samples(nbytes);
    if (samples == NULL) return;
    if (!in_stream) {
        free(samples);
        reply_error("FEED without BEGIN");
        return;
    }
    if (streamed_samples + (long)(nbytes / 2) > MAX_UTT_BYTES / 2) {
        free(samples);
        reply_error("a stream is at most 10 minutes");
        return;
    }
    streamed_samples += (long)(nbytes / 2);
    if (utt_started) {
        ps_process_raw(ps, samples, nbytes / 2, FALSE, FALSE);
    } else {
        if (pending_n + nbytes / 2 > pending_cap) {
            size_t cap = pending_n + nbytes / 2 + cmn_estimate_samples;
            int16 *grown = realloc(pending, cap * sizeof(int16));
            if (grown == NULL) {
                free(samples);
                in_stream = 0;
                reply_error("out of memory");
                return;
            }
            pending = grown;
            pending_cap = cap;
        }
        memcpy(pending + pending_n, samples, nbytes);
        pending_n += nbytes / 2;
        if (pending_n >= cmn_estimate_samples && !start_pending(ps)) {
            free(samples);
            in_stream = 0;
            reply_error("ps_start_utt failed");
            return;
        }
    }
    free(samples);
    fprintf(stdout, "{\"ok\":true,\"frames\":%d", ps_get_n_frames(ps));
    if (utt_started) {
        /* The best hypothesis so far, for words on screen while they are spoken (fillers left out). */
        int32 score;
        const char *hyp = ps_get_hyp(ps, &score);
        fputs(",\"hyp\":", stdout);
        print_words(hyp);
    }
    fputs("}\n", stdout);
    fflush(stdout);
}

static void stream_end(ps_decoder_t *ps) {
    if (!in_stream) {
        reply_error("END without BEGIN");
        return;
    }
    in_stream = 0;
    if (!utt_started && !start_pending(ps)) {
        reply_error("ps_start_utt failed");
        return;
    }
    utt_started = 0;
    ps_end_utt(ps);
    print_result(ps);
}

/*
 * Hints.
 *
 * ps_add_word() adds a word to the dictionary and to the language models of the n-gram
 * searches. With this library version (5prealpha) the second part corrupts memory: once an
 * added word is hypothesised, scoring with the modified trie model reads out of bounds
 * (valgrind: invalid reads in lm_trie_score / bitarr_read_int25), and the decoder crashes a
 * few utterances later. So words are only ever added
 * while no n-gram search exists, and the stock model is never modified: a hint request drops
 * the current search, adds the missing words to the dictionary, and builds a new search whose
 * language model is a set of the stock model (one shared copy) and a small ARPA model of the
 * hints. Hint words thus get a real probability, whether they were in the dictionary before or
 * not. The set is created with interpolation weights (w for the hints, 1 - w for the stock
 * model), but measured decoding does not change with w in this library version: the strength
 * of the hints is set by the probabilities in the ARPA model (the caller's job). Rebuilding the
 * search takes ~0.2 s, so the caller sends a hint request only when the hints change, and
 * replaces a decoder after many changes (memory of old searches is not all given back).
 */
static ngram_model_t *stock_lm = NULL;
static int search_serial = 0;
static char current_search[64] = "_default";

static void set_hints(ps_decoder_t *ps, cmd_ln_t *config, long count, float weight, const char *arpa) {
    char line[LINE_MAX_LEN];
    char **words = calloc(count > 0 ? count : 1, sizeof(char *));
    int *state = calloc(count > 0 ? count : 1, sizeof(int)); /* 1 added, 2 known, 3 failed */
    static const char *labels[] = { "added", "known", "failed" };
    ngram_model_t *lm;
    char name[64];
    long i;
    int k, with_hints = 0;

    /* No n-gram search may exist while words are added (see above). */
    ps_unset_search(ps, current_search);

    for (i = 0; i < count; i++) {
        char *space, *existing;
        size_t len;
        if (fgets(line, sizeof line, stdin) == NULL) exit(1);
        len = strlen(line);
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        space = strchr(line, ' ');
        if (space != NULL) *space = '\0';
        words[i] = strdup(line);
        if (space == NULL) {
            state[i] = 3;
            continue;
        }
        existing = ps_lookup_word(ps, line);
        if (existing != NULL) {
            free(existing);
            state[i] = 2;
        } else {
            state[i] = ps_add_word(ps, line, space + 1, FALSE) < 0 ? 3 : 1;
        }
    }

    /* One copy of the stock model, loaded at the first hint request and shared by every search
     * after that (the search that ps_init() made holds its own). */
    if (stock_lm == NULL) {
        stock_lm = ngram_model_read(config, cmd_ln_str_r(config, "-lm"), NGRAM_AUTO, ps_get_logmath(ps));
        if (stock_lm == NULL) {
            fprintf(stderr, "ps-decoder: cannot read the language model again\n");
            exit(4);
        }
    }
    lm = ngram_model_retain(stock_lm);
    if (strcmp(arpa, "-") != 0) {
        ngram_model_t *hint_lm = ngram_model_read(config, arpa, NGRAM_ARPA, ps_get_logmath(ps));
        if (hint_lm == NULL) {
            fprintf(stderr, "ps-decoder: cannot read the hint language model %s\n", arpa);
        } else {
            ngram_model_t *models[2];
            char *names[2] = { "stock", "hints" };
            float32 weights[2];
            ngram_model_t *set;
            models[0] = lm; /* our extra reference goes to the set */
            models[1] = hint_lm;
            weights[0] = 1.0f - weight;
            weights[1] = weight;
            set = ngram_model_set_init(config, models, names, weights, 2);
            if (set != NULL) {
                ngram_model_set_interp(set, (const char **)names, weights);
                lm = set;
                with_hints = 1;
            }
        }
    }
    snprintf(name, sizeof name, "lm%d", ++search_serial);
    if (ps_set_lm(ps, name, lm) < 0 || ps_set_search(ps, name) < 0) {
        fprintf(stderr, "ps-decoder: could not build the search\n");
        exit(4);
    }
    /* The search holds its own reference (as in ps_set_lm_file). */
    ngram_model_free(lm);
    snprintf(current_search, sizeof current_search, "%s", name);

    for (k = 0; k < 3; k++) {
        int first = 1;
        fprintf(stdout, "%s\"%s\":[", k == 0 ? "{" : "],", labels[k]);
        for (i = 0; i < count; i++) {
            if (state[i] != k + 1) continue;
            if (!first) fputc(',', stdout);
            json_string(stdout, words[i], strlen(words[i]));
            first = 0;
        }
    }
    fprintf(stdout, "],\"hints\":%s}\n", with_hints ? "true" : "false");
    fflush(stdout);
    for (i = 0; i < count; i++) free(words[i]);
    free(words);
    free(state);
}

int main(int argc, char *argv[]) {
    cmd_ln_t *config;
    ps_decoder_t *ps;
    char line[LINE_MAX_LEN];

    config = cmd_ln_parse_r(NULL, ps_args(), argc, argv, TRUE);
    if (config == NULL) {
        fprintf(stderr, "ps-decoder: bad arguments\n");
        return 2;
    }
    ps_default_search_args(config);
    ps = ps_init(config);
    if (ps == NULL) {
        fprintf(stderr, "ps-decoder: could not load the models (check -hmm, -lm and -dict)\n");
        cmd_ln_free_r(config);
        return 3;
    }
    if (cmd_ln_str_r(config, "-lm") == NULL) {
        fprintf(stderr, "ps-decoder: a language model (-lm) is required\n");
        return 3;
    }
    remember_initial_cmn(ps);
    {
        const char *ms = getenv("MOCKROOM_PS_CMN_MS");
        long value = ms ? strtol(ms, NULL, 10) : 0;
        if (value >= 100 && value <= 10000) cmn_estimate_samples = (size_t)(16 * value);
    }
    fprintf(stdout, "{\"ready\":true,\"frate\":%d}\n", (int)cmd_ln_int32_r(config, "-frate"));
    fflush(stdout);

    while (fgets(line, sizeof line, stdin) != NULL) {
        char *end;
        if (strncmp(line, "UTT ", 4) == 0) {
            unsigned long n = strtoul(line + 4, &end, 10);
            decode_utterance(ps, (size_t)n);
        } else if (strncmp(line, "BEGIN", 5) == 0) {
            stream_begin(ps);
        } else if (strncmp(line, "FEED ", 5) == 0) {
            unsigned long n = strtoul(line + 5, &end, 10);
            stream_feed(ps, (size_t)n);
        } else if (strncmp(line, "END", 3) == 0) {
            stream_end(ps);
        } else if (strncmp(line, "HINTS ", 6) == 0) {
            /* HINTS <count> <weight> <arpa-path or -> (the path is the rest of the line) */
            long n = 0;
            float weight = 0.0f;
            int used = 0;
            size_t len = strlen(line);
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
            if (sscanf(line + 6, "%ld %f %n", &n, &weight, &used) < 2 || used == 0 || line[6 + used] == '\0'
                || n < 0 || n > 10000 || !(weight > 0.0f && weight < 1.0f)) {
                /* The word lines that follow cannot be told from requests: give up. */
                fprintf(stderr, "ps-decoder: bad HINTS request\n");
                return 5;
            }
            set_hints(ps, config, n, weight, line + 6 + used);
        } else if (strncmp(line, "PING", 4) == 0) {
            fputs("{\"pong\":true}\n", stdout);
            fflush(stdout);
        } else if (strncmp(line, "QUIT", 4) == 0) {
            break;
        } else {
            reply_error("unknown request");
        }
    }
    ps_free(ps);
    cmd_ln_free_r(config);
    return 0;
}
